using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: the invitations waiting for the signed-in worker's contribution, oldest first, on assessments still open,
/// so an outreach worker or a school sees what they have been asked (audited).
/// </summary>
public static class ListMyInvitations
{
    public static async Task<Ok<IReadOnlyList<AssessmentInvitationView>>> HandleAsync(
        ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var answered = db.Set<AssessmentInvitationReply>().Select(r => r.InvitationId);
        var open = db.Set<Assessment>().Where(a => a.CompletedAt == null).Select(a => a.Id);
        var rows = await db.Set<AssessmentInvitation>().AsNoTracking()
            .Where(i => i.Worker == me && !answered.Contains(i.Id) && open.Contains(i.AssessmentId))
            .OrderBy(i => i.InvitedAt).ThenBy(i => i.Id).Take(ListAssessments.Limit).ToListAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, rows.Select(i => i.YoungPersonId).Distinct().ToList(), AccessActions.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssessmentInvitationView>>([.. rows.Select(i => AssessmentInvitationView.From(i, null))]);
    }
}
