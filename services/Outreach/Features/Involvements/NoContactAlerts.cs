using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Risk;
using Support.Messaging.Jobs;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Outreach.Features.Involvements;

/// <summary>
/// OUT-06, Part I <c>OutreachNoContactAlert</c>: an open involvement with a young person rated <c>High</c> or
/// <c>VeryHigh</c> (as Referrals last announced) and no contact for 14 days (elapsed time, clock changes included)
/// raises one alert per gap, to the worker holding it and to managers. The gap runs from the last contact (under the
/// young person's id or a matched alias) or, if later, from when the involvement was recorded. A contact ends the gap;
/// the next 14 days without one is a new gap and a new alert.
/// </summary>
public static class NoContactAlerts
{
    public static async Task<int> RaiseDueAsync(OutreachDbContext db, OutreachOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One pass at a time across replicas (the second then sees what the first raised); the unique (involvement,
        // gap) key stands behind it.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('outreach.no-contact-alerts'))", cancellationToken);
        var open = await db.Involvements.AsNoTracking()
            .Where(i => !db.InvolvementEndings.Any(e => e.InvolvementId == i.Id))
            .Join(db.YoungPersonRiskLevels.Where(r => r.Level == RiskLevel.High || r.Level == RiskLevel.VeryHigh),
                i => i.YoungPersonId, r => r.YoungPersonId, (i, r) => new { Involvement = i, r.Level })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }
        var lastContacts = await InvolvementState.LastContactsAsync(db, open.Select(o => o.Involvement.YoungPersonId).Distinct().ToList(), cancellationToken);
        var ids = open.Select(o => o.Involvement.Id).ToList();
        var raised = await db.NoContactAlerts.AsNoTracking().Where(a => ids.Contains(a.InvolvementId))
            .Select(a => new { a.InvolvementId, a.GapSince }).ToListAsync(cancellationToken);
        var handovers = await db.InvolvementHandovers.AsNoTracking().Where(h => ids.Contains(h.InvolvementId)).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var (involvement, level) in open.Select(o => (o.Involvement, o.Level)))
        {
            var gapSince = InvolvementState.GapSince(involvement, lastContacts.TryGetValue(involvement.YoungPersonId, out var at) ? at : null);
            var due = gapSince + options.NoContactAlertAfter;
            if (now < due || raised.Any(r => r.InvolvementId == involvement.Id && r.GapSince == gapSince))
            {
                continue;
            }
            db.NoContactAlerts.Add(NoContactAlert.Raise(involvement.Id, involvement.YoungPersonId, InvolvementState.CurrentWorker(involvement, handovers),
                level, gapSince, due, now));
            count++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}

/// <summary>The no-contact pass on the shared job loop and the injected clock.</summary>
public sealed class NoContactAlertJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NoContactAlertJob> logger, IOptions<OutreachOptions> options)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.NoContactCheckInterval;

    protected override async Task<JobPass> RunPassAsync(CancellationToken cancellationToken)
    {
        await InTransactionAsync<OutreachDbContext, int>((db, _) => NoContactAlerts.RaiseDueAsync(db, options.Value, Clock.GetUtcNow(), cancellationToken), cancellationToken);
        return JobPass.Done;
    }
}

public sealed record NoContactAlertResponse(
    Guid Id, Guid InvolvementId, Guid YoungPersonId, string WorkerUserId, RiskLevel RiskLevel, LondonTime GapSince, LondonTime DueAt, LondonTime RaisedAt,
    bool ContactSince);

public static class ReadNoContactAlerts
{
    public static async Task<Ok<List<NoContactAlertResponse>>> MineAsync(
        ClaimsPrincipal user, OutreachDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = user.ToAuthor(clock).UserId;
        return TypedResults.Ok(await ResponsesAsync(db, accessLog, db.NoContactAlerts.Where(a => a.WorkerUserId == me), cancellationToken));
    }

    public static async Task<Ok<List<NoContactAlertResponse>>> AllAsync(OutreachDbContext db, IAccessLog accessLog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponsesAsync(db, accessLog, db.NoContactAlerts, cancellationToken));

    private static async Task<List<NoContactAlertResponse>> ResponsesAsync(
        OutreachDbContext db, IAccessLog accessLog, IQueryable<NoContactAlert> query, CancellationToken cancellationToken)
    {
        var alerts = await query.AsNoTracking().OrderByDescending(a => a.RaisedAt).Take(500).ToListAsync(cancellationToken);
        var people = alerts.Select(a => a.YoungPersonId).Distinct().ToList();
        var lastContacts = await InvolvementState.LastContactsAsync(db, people, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, people, AccessActions.Read, cancellationToken);
        return [.. alerts.Select(a => new NoContactAlertResponse(a.Id, a.InvolvementId, a.YoungPersonId, a.WorkerUserId, a.RiskLevel,
            LondonTime.Of(a.GapSince), LondonTime.Of(a.DueAt), LondonTime.Of(a.RaisedAt),
            lastContacts.TryGetValue(a.YoungPersonId, out var at) && at > a.GapSince))];
    }
}
