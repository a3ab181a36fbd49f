using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain;
using Support.Referrals.Domain.Assessments;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: invite another worker to contribute (an outreach worker who knows the child, a school, a health partner),
/// beyond the involved workers invited when the assessment opened. Once per worker (409). A partner outside the
/// case team may then see the young person until they answer (<see cref="InvitationSharing"/>).
/// </summary>
public static class InviteContributor
{
    public sealed record Request(string? Worker, string? Role);

    public static async Task<Results<Created<AssessmentInvitationView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, InformationSharingProtocol protocol, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("worker", request.Worker).Required("role", request.Role, 100);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var role = request.Role!.Trim();
        if (!Roles.All.Contains(role))
        {
            return errors.Add("role", $"'{role}' is not a role of the platform.").ToBadRequest();
        }
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var worker = request.Worker!.Trim();
        if (await db.Set<AssessmentInvitation>().AnyAsync(i => i.AssessmentId == id && i.Worker == worker, cancellationToken))
        {
            return Conflicts.Problem($"{worker} has already been invited to contribute to this assessment.");
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        try
        {
            var invitation = assessment.InviteWithSharing(db, outbox, protocol, worker, role, author);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/referrals/assessments/{id}", AssessmentInvitationView.From(invitation, null));
        }
        catch (DomainConflictException conflict)
        {
            return Conflicts.Problem(conflict.Message);
        }
    }
}
