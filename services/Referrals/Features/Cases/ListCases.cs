using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;


namespace Support.Referrals.Features.Cases;

/// <summary>
/// A young person's cases, closed ones included with their status (a closed case stays visible), or the report of
/// unallocated open cases for team managers (REF-23).
/// </summary>
public static class ListCases
{
    /// <summary>REF-23: a High or VeryHigh case unallocated for more than this many working days escalates.</summary>
    public const int HighRiskUnallocatedWorkingDays = 1;

    /// <param name="Id">The case.</param>
    /// <param name="YoungPersonId">Whose case it is.</param>
    /// <param name="LeadTeam">The team that leads the case and must allocate.</param>
    /// <param name="UnallocatedSince">Since when the case has had no key worker: opened without one, or the allocation ended.</param>
    /// <param name="UnallocatedDays">Whole calendar days since then.</param>
    /// <param name="RiskLevel">The young person's current level; null if no level has been set.</param>
    /// <param name="EscalatesAt">When a High/VeryHigh case passes 1 working day unallocated; null for lower levels.</param>
    /// <param name="Escalated">True once a High/VeryHigh case has been unallocated more than 1 working day.</param>
    public sealed record UnallocatedCaseResponse(
        Guid Id, Guid YoungPersonId, string LeadTeam, LondonTime UnallocatedSince, int UnallocatedDays, RiskLevel? RiskLevel,
        LondonTime? EscalatesAt, bool Escalated);

    public static async Task<Results<Ok<IReadOnlyList<CaseResponse>>, Ok<IReadOnlyList<UnallocatedCaseResponse>>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        Guid? youngPersonId, bool? unallocated, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (unallocated == true)
        {
            if (!user.IsInRole(Roles.TeamManager) && !user.IsInRole(Roles.SeniorManager))
            {
                return TypedResults.Forbid();
            }
            return TypedResults.Ok(await UnallocatedAsync(db, accessLog, clock.GetUtcNow(), cancellationToken));
        }
        var errors = new ValidationErrors().When(youngPersonId is null, "youngPersonId", "Give 'youngPersonId' or 'unallocated=true'.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var cases = await db.Set<Case>().AsNoTracking().Where(c => c.YoungPersonId == youngPersonId)
            .OrderByDescending(c => c.OpenedAt).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, [youngPersonId!.Value], AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CaseResponse>>(cases.Select(CaseResponse.From).ToList());
    }

    private static async Task<IReadOnlyList<UnallocatedCaseResponse>> UnallocatedAsync(
        ReferralsDbContext db, IAccessLog accessLog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.Set<Case>().AsNoTracking()
                where c.Status == CaseStatus.Open && c.KeyWorker == null
                join r in db.CurrentRiskLevels.AsNoTracking() on c.YoungPersonId equals r.YoungPersonId into levels
                from r in levels.DefaultIfEmpty()
                select new { c.Id, c.YoungPersonId, c.LeadTeam, Since = c.UnallocatedSince ?? c.OpenedAt, Level = r == null ? (RiskLevel?)null : r.Level })
            .Take(2000)
            .ToListAsync(cancellationToken);
        var report = rows.Select(r =>
            {
                var highRisk = r.Level is RiskLevel.High or RiskLevel.VeryHigh;
                DateTimeOffset? escalatesAt = highRisk ? WorkingDays.Add(r.Since, HighRiskUnallocatedWorkingDays) : null;
                return new UnallocatedCaseResponse(
                    r.Id, r.YoungPersonId, r.LeadTeam, LondonTime.Of(r.Since), Math.Max(0, (int)(now - r.Since).TotalDays), r.Level,
                    LondonTime.Of(escalatesAt),
                    escalatesAt is { } due && now > due);
            })
            // Highest risk first (an unrated case last), then the longest unallocated.
            .OrderByDescending(r => r.RiskLevel.HasValue ? (int)r.RiskLevel.Value : -1)
            .ThenBy(r => r.UnallocatedSince.Utc)
            .ToList();
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, report.Select(r => r.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return report;
    }
}
