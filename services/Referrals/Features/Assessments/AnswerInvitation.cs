using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// Saving the answer to an invitation, shared by the contribution and the recorded non-reply: once (409), part of what
/// the author signs, and the end of an invited partner's sharing relationship (<see cref="InvitationSharing"/>).
/// </summary>
internal static class AnswerInvitation
{
    public static async Task<Results<Created<AssessmentInvitationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> SaveAsync(
        ReferralsDbContext db, IOutbox outbox, AssessmentInvitation invitation, AssessmentInvitationReply reply, Author author, CancellationToken cancellationToken)
    {
        var assessment = await db.Set<Assessment>().SingleAsync(a => a.Id == invitation.AssessmentId, cancellationToken);
        if (await db.Set<AssessmentInvitationReply>().AnyAsync(r => r.InvitationId == invitation.Id, cancellationToken))
        {
            return Conflicts.Problem("This invitation has already been answered.");
        }
        try
        {
            assessment.Contributed();
            db.Set<AssessmentInvitationReply>().Add(reply);
            await InvitationSharing.EndSharingAsync(db, outbox, invitation, author, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            return Conflicts.Problem("This invitation was answered, or the assessment changed, at the same time; reload it.");
        }
        return TypedResults.Created($"/api/referrals/assessments/{invitation.AssessmentId}", AssessmentInvitationView.From(invitation, reply));
    }
}
