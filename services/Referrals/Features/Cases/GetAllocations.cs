using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-24: "who was the key worker of case C on date D", with the lead team and its manager at the time. Without
/// <c>on</c>, the whole history. A date is a Europe/London calendar day; everyone who held the role at any moment of
/// that day is listed, in order.
/// </summary>
public static class GetAllocations
{
    public sealed record TeamPeriodResponse(string Team, LondonTime ValidFrom, LondonTime? ValidTo, string Criterion, string CriteriaVersion, Guid? TransferId);

    public sealed record AllocationsResponse(
        Guid CaseId, DateOnly? On, IReadOnlyList<PeriodResponse> KeyWorkers, IReadOnlyList<TeamPeriodResponse> LeadTeams,
        IReadOnlyList<PeriodResponse> TeamManagers);

    public static async Task<Results<Ok<AllocationsResponse>, NotFound>> HandleAsync(
        Guid id, DateOnly? on, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }
        var allocations = await db.Set<KeyWorkerAllocation>().AsNoTracking().Where(a => a.CaseId == id).ToListAsync(cancellationToken);
        var leadTeams = await db.Set<CaseLeadTeam>().AsNoTracking().Where(t => t.CaseId == id).ToListAsync(cancellationToken);
        // A closed case's last key worker and lead team end at the closure.
        // A vacancy (REF-23) ends the holder's period and is no one's: it is not listed as a key worker.
        var keyWorkerPeriods = Periods.Of(allocations, a => a.ValidFrom, @case.ClosedAt).Where(p => p.Value.KeyWorker is not null).ToList();
        var teamPeriods = Periods.Of(leadTeams, t => t.ValidFrom, @case.ClosedAt);

        var (from, to) = on is { } day ? London.DayOf(day) : (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        keyWorkerPeriods = keyWorkerPeriods.Where(p => p.Overlaps(from, to)).ToList();
        teamPeriods = teamPeriods.Where(p => p.Overlaps(from, to)).ToList();

        // The manager of the lead team during each lead-team period, within the window asked about.
        var teams = teamPeriods.Select(p => p.Value.Team).Distinct().ToList();
        var assignments = await db.Set<TeamManagerAssignment>().AsNoTracking().Where(a => teams.Contains(a.Team)).ToListAsync(cancellationToken);
        var managers = new List<PeriodResponse>();
        foreach (var teamPeriod in teamPeriods)
        {
            var windowFrom = Max(from, teamPeriod.ValidFrom);
            var windowTo = teamPeriod.ValidTo is { } end && end < to ? end : to;
            managers.AddRange(Periods.Of(assignments.Where(a => a.Team == teamPeriod.Value.Team), a => a.ValidFrom)
                .Where(p => p.Overlaps(windowFrom, windowTo))
                .Select(p => new PeriodResponse(p.Value.Manager, LondonTime.Of(p.ValidFrom), LondonTime.Of(p.ValidTo), p.Value.RecordedBy)));
        }

        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [@case.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(new AllocationsResponse(
            id, on,
            keyWorkerPeriods.Select(p => new PeriodResponse(p.Value.KeyWorker!, LondonTime.Of(p.ValidFrom), LondonTime.Of(p.ValidTo), p.Value.RecordedBy)).ToList(),
            teamPeriods.Select(p => new TeamPeriodResponse(p.Value.Team, LondonTime.Of(p.ValidFrom), LondonTime.Of(p.ValidTo), p.Value.Criterion, p.Value.CriteriaVersion, p.Value.TransferId)).ToList(),
            managers.DistinctBy(m => (m.Holder, m.ValidFrom)).ToList()));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
