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
/// REF-17: "the reply or non-reply is recorded": a social worker or manager records that an invited worker did not reply
/// and how they were chased, so the gap is on the record instead of silently absent. Once per invitation (409).
/// </summary>
public static class RecordNoReply
{
    public sealed record Request(string? Chased);

    public static async Task<Results<Created<AssessmentInvitationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid invitationId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("chased", request.Chased, 2000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var invitation = await db.Set<AssessmentInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        return await AnswerInvitation.SaveAsync(db, outbox, invitation, AssessmentInvitationReply.NoReply(invitation, request.Chased!, author), author, cancellationToken);
    }
}
