using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Referrals;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Assessments;
using Support.Referrals.Features.Placements;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Assessments;

/// <summary>
/// REF-17: a social worker or manager opens an assessment by hand: a looked-after child's yearly renewal, or a single
/// assessment. The s47 core assessment is never opened by hand: the enquiry opens it (422). One open assessment of a
/// kind per young person at a time (409), so a renewal is not started twice.
/// </summary>
public static class OpenAssessment
{
    public sealed record Request(Guid? YoungPersonId, AssessmentKind? Kind);

    public static async Task<Results<Created<AssessmentView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, InformationSharingProtocol protocol, IOptions<S47Options> s47, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("youngPersonId", request.YoungPersonId).Required("kind", request.Kind);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var youngPersonId = request.YoungPersonId!.Value;
        var kind = request.Kind!.Value;
        if (!await db.YoungPeople.AnyAsync(p => p.Id == youngPersonId, cancellationToken))
        {
            return errors.Add("youngPersonId", "No young person with this id is registered.").ToUnprocessable();
        }
        errors.When(kind == AssessmentKind.S47Core, "kind", "An s47 core assessment is opened by the s47 enquiry itself (REF-17), not by hand.");
        if (kind == AssessmentKind.LookedAfterRenewal && await db.CurrentPlacementAsync(youngPersonId, cancellationToken) is null)
        {
            errors.Add("kind", "This young person has no current placement, so is not looked after: open a Single assessment instead.");
        }
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (await db.Set<Assessment>().AnyAsync(a => a.YoungPersonId == youngPersonId && a.Kind == kind && a.CompletedAt == null, cancellationToken))
        {
            return Conflicts.Problem($"This young person already has an open {kind} assessment: complete it first.");
        }
        var author = user.ToAuthor(clock, AssessmentEndpoints.WriterRoles);
        var assessment = await AssessmentOpening.OpenAsync(db, outbox, protocol, youngPersonId, kind, null,
            WorkingDays.Add(author.At, s47.Value.AssessmentWorkingDays), author, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem($"This young person already has an open {kind} assessment: complete it first.");
        }
        return TypedResults.Created($"/api/referrals/assessments/{assessment.Id}",
            await AssessmentRecords.ViewAsync(db, assessment, author.At, cancellationToken));
    }
}
