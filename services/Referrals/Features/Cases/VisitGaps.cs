using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// REF-23: how long each open case has gone without face-to-face contact against the gap its risk level allows
/// (<see cref="VisitGapOptions"/>). The gap counts from the last face-to-face visit, or from the case's opening when
/// there has been none. Team managers list the cases past their gap; <see cref="VisitGapJob"/> announces each gap once.
/// </summary>
public static class VisitGaps
{
    public const int MaxCases = 5000;

    public sealed record Gap(
        Guid CaseId, Guid YoungPersonId, string? KeyWorker, RiskLevel? RiskLevel, DateTimeOffset? LastFaceToFaceAt, DateTimeOffset Since,
        int GapDays, DateTimeOffset DueAt);

    public sealed record GapResponse(
        Guid CaseId, Guid YoungPersonId, string? KeyWorker, RiskLevel? RiskLevel, LondonTime? LastFaceToFaceAt, int AllowedDays,
        LondonTime DueAt, int DaysWithoutFaceToFace);

    /// <summary>Every open case whose gap has passed at <paramref name="now"/>, longest overdue first.</summary>
    public static async Task<IReadOnlyList<Gap>> OverdueAsync(ReferralsDbContext db, VisitGapOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.Set<Case>().AsNoTracking()
                where c.Status == CaseStatus.Open
                join r in db.CurrentRiskLevels.AsNoTracking() on c.YoungPersonId equals r.YoungPersonId into levels
                from r in levels.DefaultIfEmpty()
                select new
                {
                    c.Id, c.YoungPersonId, c.KeyWorker, c.OpenedAt,
                    Level = r == null ? (RiskLevel?)null : r.Level,
                    LastFaceToFace = db.CaseVisits.Where(v => v.CaseId == c.Id && v.FaceToFace).Max(v => (DateTimeOffset?)v.OccurredAt),
                })
            .OrderBy(c => c.OpenedAt)
            .Take(MaxCases)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var since = r.LastFaceToFace ?? r.OpenedAt;
                var days = options.DaysFor(r.Level);
                return new Gap(r.Id, r.YoungPersonId, r.KeyWorker, r.Level, r.LastFaceToFace, since, days, since.AddDays(days));
            })
            .Where(g => now > g.DueAt)
            .OrderBy(g => g.DueAt)
            .ToList();
    }

    public static async Task<Ok<IReadOnlyList<GapResponse>>> ListAsync(
        ReferralsDbContext db, IOptions<VisitGapOptions> options, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var gaps = await OverdueAsync(db, options.Value, now, cancellationToken);
        await accessLog.RecordAsync(CaseEndpoints.SubjectType, gaps.Select(g => g.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<GapResponse>>(gaps.Select(g => new GapResponse(
            g.CaseId, g.YoungPersonId, g.KeyWorker, g.RiskLevel, LondonTime.Of(g.LastFaceToFaceAt), g.GapDays, LondonTime.Of(g.DueAt),
            (int)(now - g.Since).TotalDays)).ToList());
    }
}
