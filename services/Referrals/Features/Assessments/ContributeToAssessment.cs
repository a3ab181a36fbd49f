using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: the invited worker answers an invitation with their contribution in their own words; only they can (403 for
/// anyone else). It is part of what the author signs, so it moves the assessment's version on. Once (409).
/// </summary>
public static class ContributeToAssessment
{
    public sealed record Request(string? Contribution);

    public static async Task<Results<Created<AssessmentInvitationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid invitationId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("contribution", request.Contribution, WriteAssessmentSection.TextLimit);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var invitation = await db.Set<AssessmentInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }
        if (invitation.Worker != user.UserId())
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, [invitation.WorkerRole]);
        return await AnswerInvitation.SaveAsync(db, outbox, invitation, AssessmentInvitationReply.Contribution(invitation, request.Contribution!, author), author, cancellationToken);
    }
}
