using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// A young person's assessments (<c>youngPersonId</c>), or every open assessment past its deadline (<c>status=overdue</c>):
/// Casey, "repeatedly missed deadlines for the assessment of children in need". Every young person shown is an audited read.
/// </summary>
public static class ListAssessments
{
    public const int Limit = 500;

    public static async Task<Results<Ok<IReadOnlyList<AssessmentSummary>>, ValidationProblem>> HandleAsync(
        Guid? youngPersonId, string? status, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .When(status is not (null or "open" or "overdue" or "all"), "status", "'status' is 'all' (default with youngPersonId), 'open' or 'overdue'.")
            .When(youngPersonId is null && status is null or "all", "youngPersonId", "Name a young person, or ask for status=open or status=overdue.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var now = clock.GetUtcNow();
        var query = db.Set<Assessment>().AsNoTracking();
        if (youngPersonId is { } person)
        {
            query = query.Where(a => a.YoungPersonId == person);
        }
        query = status switch
        {
            "open" => query.Where(a => a.CompletedAt == null),
            "overdue" => query.Where(a => a.CompletedAt == null && a.DueAt < now),
            _ => query,
        };
        var rows = await query.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(Limit).ToListAsync(cancellationToken);
        var ids = rows.Select(a => a.Id).ToList();
        var signedVersions = await db.Set<AssessmentSignature>().Where(s => ids.Contains(s.AssessmentId))
            .GroupBy(s => s.AssessmentId).Select(g => new { g.Key, Version = g.Max(s => s.Version) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(a => a.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssessmentSummary>>(
            [.. rows.Select(a => AssessmentSummary.From(a, signedVersions.TryGetValue(a.Id, out var v) && v == a.Version, now))]);
    }
}
