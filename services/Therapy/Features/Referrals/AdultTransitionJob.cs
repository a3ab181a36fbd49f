using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.Therapy;
using Support.Messaging.Jobs;
using Support.ServiceDefaults.Time;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-05 on the injected clock: an open CAMHS episode for someone within <c>TransitionLeadMonths</c> (6, Part I) of
/// their 18th birthday, or already past it, gets one key-worker task to plan the move to an adult mental-health or
/// commissioned adult service, listing the offers open to an 18-year-old. The episode itself stays open: turning 18
/// never closes it. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and marked in the same transaction as the task,
/// so replicas never open two.
/// </summary>
public sealed partial class AdultTransitionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<AdultTransitionJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 100;
    private const int AdultAge = 18;

    /// <summary>Part I, THR-05: how long before the 18th birthday the transition is planned.</summary>
    public int TransitionLeadMonths => configuration.GetValue("Therapy:TransitionLeadMonths", 6);

    protected override TimeSpan Interval => configuration.GetValue("Therapy:TransitionCheckInterval", TimeSpan.FromHours(1));

    protected override bool Enabled => configuration.GetValue("Therapy:TransitionJobEnabled", true);

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken) =>
        await RunOnceAsync(cancellationToken) == BatchSize ? JobPass.MoreWaiting : JobPass.Done;

    /// <summary>One pass; returns how many transition tasks were opened.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = London.DateOf(now);
        // Born on or before this date: the 18th birthday is no more than the lead time away (or has passed).
        var bornBy = today.AddMonths(TransitionLeadMonths).AddYears(-AdultAge);
        var opened = await InTransactionAsync<TherapyDbContext, int>(async (db, _) =>
        {
            var table = db.Model.FindEntityType(typeof(TherapyReferral))!.GetSchemaQualifiedTableName();
            var people = db.Model.FindEntityType(typeof(Support.Registry.KnownYoungPerson))!.GetSchemaQualifiedTableName();
            // Table names come from the model, never from input.
            var sql = $"SELECT claimed.*, claimed.xmin FROM {table} AS claimed JOIN {people} AS person ON person.id = claimed.young_person_id "
                + "WHERE claimed.status = 'Accepted' AND claimed.offer_type = @camhs AND claimed.episode_closed_at IS NULL "
                + "AND claimed.transition_task_id IS NULL AND person.date_of_birth <= @bornBy "
                + "ORDER BY person.date_of_birth LIMIT @batch FOR UPDATE OF claimed SKIP LOCKED";
            var episodes = await db.Referrals.FromSqlRaw(sql, new NpgsqlParameter("camhs", nameof(OfferType.Camhs)),
                new NpgsqlParameter("bornBy", bornBy), new NpgsqlParameter("batch", BatchSize)).ToListAsync(cancellationToken);
            if (episodes.Count == 0)
            {
                return 0;
            }
            var ids = episodes.Select(e => e.YoungPersonId).Distinct().ToList();
            var keyWorkers = await db.KeyWorkers.Where(k => ids.Contains(k.YoungPersonId)).ToDictionaryAsync(k => k.YoungPersonId, k => k.UserId, cancellationToken);
            // Offers open at 18 other than CAMHS itself: adult mental health and the commissioned adult services.
            var adultOffers = (await FittingOffers.FindAsync(db, AdultAge, Guid.Empty, today, cancellationToken))
                .Where(o => o.Type != nameof(OfferType.Camhs)).Select(o => o.OfferId).ToList();
            var count = 0;
            foreach (var episode in episodes)
            {
                var task = KeyWorkerTask.ToPlanAdultTransition(episode.YoungPersonId, episode.Id, keyWorkers.GetValueOrDefault(episode.YoungPersonId), adultOffers, now);
                if (episode.MarkTransitionTaskOpened(task.Id))
                {
                    db.Tasks.Add(task);
                    count++;
                }
            }
            return count;
        }, cancellationToken);
        if (opened > 0)
        {
            LogPass(Logger, opened);
        }
        return opened;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Opened} adult-transition tasks opened")]
    private static partial void LogPass(ILogger logger, int opened);
}
