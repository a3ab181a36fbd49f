using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.SubjectAccess;

/// <summary>The register: open requests first, soonest due first; <c>overdue=true</c> only the missed ones (still open after their due day).</summary>
public static class ListSubjectAccessRequests
{
    public static async Task<Ok<List<SubjectAccessRequestView>>> HandleAsync(
        bool? overdue, Guid? youngPersonId, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = London.Today(clock);
        var query = db.SubjectAccessRequests.AsNoTracking();
        if (youngPersonId is { } one)
        {
            query = query.Where(r => r.YoungPersonId == one);
        }
        if (overdue == true)
        {
            query = query.Where(r => r.AnsweredAt == null && (r.ExtendedDueOn ?? r.DueOn) < today);
        }
        var found = await query.OrderBy(r => r.AnsweredAt != null).ThenBy(r => r.ExtendedDueOn ?? r.DueOn).Take(500).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [.. found.Select(r => r.YoungPersonId).Distinct()], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(found.Select(r => SubjectAccessRequestView.From(r, today)).ToList());
    }
}
