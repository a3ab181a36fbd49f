using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: "For a looked-after child the next assessment is due 12 months after the last one was completed (parameter),
/// and is shown when overdue." Imray §4.5: "I did not find any examples of updated assessments". Looked after means a
/// current placement. A child with no completed assessment at all ("Many of the cases had no assessment on file at
/// all") is due <c>AssessmentDeadline</c> working days after the placement started. Overdue first; <c>withinDays</c>
/// also shows those falling due soon. Managers only; audited.
/// </summary>
public static class RenewalsDue
{
    public sealed record RenewalDue(
        Guid YoungPersonId, LondonTime? LastCompletedAt, DateOnly DueOn, bool Overdue, bool NeverAssessed, Guid? OpenAssessmentId, DateOnly PlacedSince);

    public static async Task<Results<Ok<IReadOnlyList<RenewalDue>>, ValidationProblem>> HandleAsync(
        int? withinDays, ReferralsDbContext db, IAccessLog accessLog, IOptions<AssessmentOptions> options, IOptions<S47Options> s47,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().When(withinDays is < 0 or > 366, "withinDays", "'withinDays' is from 0 to 366.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var today = London.Today(clock);
        var horizon = today.AddDays(withinDays ?? 0);
        var placed = await db.Placements.AsNoTracking().Where(p => !db.PlacementEndings.Any(e => e.PlacementId == p.Id))
            .GroupBy(p => p.YoungPersonId).Select(g => new { YoungPersonId = g.Key, Since = g.Max(p => p.StartedOn) })
            .ToListAsync(cancellationToken);
        var ids = placed.Select(p => p.YoungPersonId).ToList();
        var lastCompleted = await db.Set<Assessment>().Where(a => ids.Contains(a.YoungPersonId) && a.CompletedAt != null)
            .GroupBy(a => a.YoungPersonId).Select(g => new { g.Key, Last = g.Max(a => a.CompletedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.Last!.Value, cancellationToken);
        var open = await db.Set<Assessment>().Where(a => ids.Contains(a.YoungPersonId) && a.CompletedAt == null)
            .OrderBy(a => a.OpenedAt).Select(a => new { a.YoungPersonId, a.Id }).ToListAsync(cancellationToken);
        var rows = placed.Select(p =>
            {
                var last = lastCompleted.TryGetValue(p.YoungPersonId, out var at) ? at : (DateTimeOffset?)null;
                var dueOn = last is { } completed
                    ? London.DateOf(completed).AddMonths(options.Value.LookedAfterRenewalMonths)
                    : WorkingDays.AddTo(p.Since, s47.Value.AssessmentWorkingDays);
                return new RenewalDue(p.YoungPersonId, LondonTime.Of(last), dueOn, dueOn < today, last is null,
                    open.FirstOrDefault(o => o.YoungPersonId == p.YoungPersonId)?.Id, p.Since);
            })
            .Where(r => r.DueOn <= horizon)
            .OrderBy(r => r.DueOn).ThenBy(r => r.YoungPersonId)
            .Take(ListAssessments.Limit).ToList();
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(r => r.YoungPersonId).ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RenewalDue>>(rows);
    }
}
