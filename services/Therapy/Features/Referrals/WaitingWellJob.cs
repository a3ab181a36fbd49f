using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.Contracts.SupportLine;
using Support.Contracts.UnmetNeeds;
using Support.Messaging.Jobs;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Referrals;

/// <summary>
/// THR-02 on the injected clock. Referrals still waiting for a first appointment 18 weeks after they were made are
/// recorded as unmet need (<c>Waitlisted</c>), once each; and every 2 weeks while a young person waits, a waiting-well
/// check-in is sent through the support line (<c>SendSms</c>, which texts only a number the support line holds as
/// theirs and never an opted-out one). Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and marked in the same
/// transaction as their outbox rows, so replicas never double-send.
/// </summary>
public sealed partial class WaitingWellJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<WaitingWellJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    private const int BatchSize = 100;

    /// <summary>Generic on purpose: it names no service and no therapy, as a discreet text must not (SL-04).</summary>
    public const string CheckInText = "Just checking in while you wait. If you need to talk before then, reply to this text any time.";

    protected override TimeSpan Interval => configuration.GetValue("Therapy:WaitCheckInterval", TimeSpan.FromMinutes(15));

    protected override bool Enabled => configuration.GetValue("Therapy:WaitJobEnabled", true);

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        var (breaches, checkIns) = await RunOnceAsync(cancellationToken);
        return breaches == BatchSize || checkIns == BatchSize ? JobPass.MoreWaiting : JobPass.Done;
    }

    /// <summary>One pass; returns how many breaches were recorded and how many check-ins sent.</summary>
    public async Task<(int Breaches, int CheckIns)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var breaches = await InTransactionAsync<TherapyDbContext, int>(async (db, outbox) =>
        {
            var waiting = await ClaimReferralsAsync(db,
                "claimed.status IN ('Open', 'Accepted') AND claimed.episode_closed_at IS NULL AND claimed.first_appointment_at IS NULL AND claimed.breach_recorded_at IS NULL "
                + $"AND claimed.referred_at <= @now - interval '{(int)TherapyReferral.WaitBreach.TotalDays} days'",
                "claimed.referred_at", BatchSize, now, cancellationToken);
            var count = 0;
            foreach (var referral in waiting)
            {
                var unmetNeedId = Guid.CreateVersion7(now);
                if (!referral.MarkBreached(now, unmetNeedId))
                {
                    continue;
                }
                outbox.Add(new UnmetNeedRecorded
                {
                    UnmetNeedId = unmetNeedId, YoungPersonId = referral.YoungPersonId, NeedCategory = referral.OfferType.ToString(),
                    Reason = UnmetNeedReason.Waitlisted, RecordedByService = DecideReferral.TherapyService, RecordedBy = "service:therapy",
                    OccurredAt = now, Since = Support.ServiceDefaults.Time.London.DateOf(referral.ReferredAt + TherapyReferral.WaitBreach),
                });
                count++;
            }
            return count;
        }, cancellationToken);
        var checkIns = await InTransactionAsync<TherapyDbContext, int>(async (db, outbox) =>
        {
            var due = await ClaimReferralsAsync(db,
                "claimed.status IN ('Open', 'Accepted') AND claimed.episode_closed_at IS NULL AND claimed.first_appointment_at IS NULL AND claimed.next_check_in_at <= @now",
                "claimed.next_check_in_at", BatchSize, now, cancellationToken);
            var count = 0;
            foreach (var referral in due.Where(r => r.MarkCheckInSent(now)))
            {
                outbox.Add(new SendSms
                {
                    CommandId = Guid.CreateVersion7(now), YoungPersonId = referral.YoungPersonId, Body = CheckInText,
                    RequestedBy = "service:therapy", OccurredAt = now,
                });
                count++;
            }
            return count;
        }, cancellationToken);
        if (breaches + checkIns > 0)
        {
            LogPass(Logger, breaches, checkIns);
        }
        return (breaches, checkIns);
    }

    /// <summary>
    /// <see cref="PeriodicJob.ClaimAsync{TEntity}"/> for referrals, whose row version is PostgreSQL's <c>xmin</c> system
    /// column: <c>claimed.*</c> does not include it, so it is selected by name.
    /// </summary>
    private static Task<List<TherapyReferral>> ClaimReferralsAsync(TherapyDbContext db, string condition, string orderBy, int batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Condition and order come from this job's own code and column names, never from input.
        var sql = $"SELECT claimed.*, claimed.xmin FROM {db.Model.FindEntityType(typeof(TherapyReferral))!.GetSchemaQualifiedTableName()} AS claimed "
            + $"WHERE {condition} ORDER BY {orderBy} LIMIT @batch FOR UPDATE SKIP LOCKED";
        return db.Referrals.FromSqlRaw(sql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", batch)).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Breaches} waits recorded as breached, {CheckIns} waiting-well check-ins sent")]
    private static partial void LogPass(ILogger logger, int breaches, int checkIns);
}
