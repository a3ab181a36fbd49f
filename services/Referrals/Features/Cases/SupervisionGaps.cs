using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-18 and REC-06: open CSE cases (lead team <see cref="AllocationCriteria.CseTeam"/>) with no supervision for
/// <see cref="SupervisionOptions.GapWeeks"/> weeks, counted from the last supervision or the case's opening, longest
/// overdue first, with how many supervisions each case has had ("reports show how often supervision happens").
/// </summary>
public static class SupervisionGaps
{
    public const int MaxCases = 5000;

    public sealed record GapResponse(
        Guid CaseId, Guid YoungPersonId, string? KeyWorker, LondonTime? LastSupervisedAt, int SupervisionCount, LondonTime DueAt, int DaysWithoutSupervision);

    public static async Task<Ok<List<GapResponse>>> ListAsync(
        ReferralsDbContext db, IOptions<SupervisionOptions> options, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var allowed = TimeSpan.FromDays(7 * options.Value.GapWeeks);
        var rows = await db.Set<Case>().AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && c.LeadTeam == AllocationCriteria.CseTeam)
            .OrderBy(c => c.OpenedAt)
            .Take(MaxCases)
            .Select(c => new
            {
                c.Id, c.YoungPersonId, c.KeyWorker, c.OpenedAt,
                Last = db.CaseSupervisions.Where(s => s.CaseId == c.Id).Max(s => (DateTimeOffset?)s.OccurredAt),
                Count = db.CaseSupervisions.Count(s => s.CaseId == c.Id),
            })
            .ToListAsync(cancellationToken);
        var gaps = rows
            .Select(r => (Row: r, Since: r.Last ?? r.OpenedAt))
            .Where(g => now > g.Since + allowed)
            .OrderBy(g => g.Since)
            .ToList();
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, gaps.Select(g => g.Row.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok(gaps.Select(g => new GapResponse(
            g.Row.Id, g.Row.YoungPersonId, g.Row.KeyWorker, LondonTime.Of(g.Row.Last), g.Row.Count, LondonTime.Of(g.Since + allowed),
            (int)(now - g.Since).TotalDays)).ToList());
    }
}
