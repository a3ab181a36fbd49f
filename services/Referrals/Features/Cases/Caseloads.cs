using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Risk;
using Support.Referrals.Data;
using Support.Referrals.Domain.Cases;

namespace Support.Referrals.Features.Cases;

/// <summary>
/// COM-07, COM-08: "the CSE team suffers from excessive case loads". Each key worker's open cases, by the young
/// person's current risk level, weighted (<see cref="CaseloadOptions"/>), heaviest first, with whether they are over
/// the threshold. Counts per worker only: no young person is named, so reading it is not a read of anyone's record.
/// </summary>
public static class Caseloads
{
    public sealed record WorkerCaseload(
        string KeyWorker, string? LeadTeam, int OpenCases, int VeryHigh, int High, int Medium, int Low, int NotRated, int Weighted, bool OverThreshold);

    public sealed record Response(int WeightedThreshold, IReadOnlyDictionary<string, int> Weights, IReadOnlyList<WorkerCaseload> Workers);

    public static async Task<Ok<Response>> HandleAsync(ReferralsDbContext db, IOptions<CaseloadOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var open = await (
                from c in db.Set<Case>().AsNoTracking()
                where c.Status == CaseStatus.Open && c.KeyWorker != null
                join r in db.CurrentRiskLevels.AsNoTracking() on c.YoungPersonId equals r.YoungPersonId into levels
                from r in levels.DefaultIfEmpty()
                select new { KeyWorker = c.KeyWorker!, c.LeadTeam, Level = r == null ? (RiskLevel?)null : r.Level })
            .ToListAsync(cancellationToken);
        var workers = open.GroupBy(c => c.KeyWorker)
            .Select(w =>
            {
                int Count(RiskLevel? level) => w.Count(c => c.Level == level);
                var weighted = w.Sum(c => settings.WeightOf(c.Level));
                // A worker in more than one team is listed under the team most of their cases are led by.
                var team = w.GroupBy(c => c.LeadTeam).OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
                return new WorkerCaseload(w.Key, team, w.Count(), Count(RiskLevel.VeryHigh), Count(RiskLevel.High), Count(RiskLevel.Medium),
                    Count(RiskLevel.Low), Count(null), weighted, weighted > settings.WeightedThreshold);
            })
            .OrderByDescending(w => w.Weighted).ThenBy(w => w.KeyWorker, StringComparer.Ordinal)
            .ToList();
        var weights = new Dictionary<string, int>
        {
            [nameof(RiskLevel.VeryHigh)] = settings.VeryHighWeight, [nameof(RiskLevel.High)] = settings.HighWeight,
            [nameof(RiskLevel.Medium)] = settings.MediumWeight, [nameof(RiskLevel.Low)] = settings.LowWeight, ["NotRated"] = settings.MediumWeight,
        };
        return TypedResults.Ok(new Response(settings.WeightedThreshold, weights, workers));
    }
}
