using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

public sealed record PackPersonsOfConcern(Guid InterviewId, string Named, LondonTime At);

public sealed record DependantResponse(Guid Id, DateOnly DateOfBirth, bool SocialCareInvolvement, LondonTime RecordedAt, string RecordedBy)
{
    public static DependantResponse From(Dependant d) => new(d.Id, d.DateOfBirth, d.SocialCareInvolvement, LondonTime.Of(d.RecordedAt), d.RecordedBy);
}

/// <summary>
/// LC-01, LC-08: what issue 15 adds to the picture an adviser is handed, kept apart from the handover pack's own code so
/// both can grow without colliding: persons of concern named in return-home interviews, and dependants.
/// Therapy involvement and placements are in the handover pack itself, from Therapy's and Referrals' events.
/// </summary>
public sealed record CaseworkPackResponse(IReadOnlyList<PackPersonsOfConcern> PersonsOfConcern, IReadOnlyList<DependantResponse> Dependants)
{
    public static async Task<CaseworkPackResponse> BuildAsync(LeavingCareDbContext db, Guid youngPersonId, CancellationToken cancellationToken)
    {
        var persons = await db.PictureEvents.AsNoTracking()
            .Where(e => e.YoungPersonId == youngPersonId && e.Kind == PictureEventKinds.PersonsOfConcernProposed)
            .OrderByDescending(e => e.OccurredAt).ToListAsync(cancellationToken);
        var dependants = await db.Set<Dependant>().AsNoTracking().Where(d => d.YoungPersonId == youngPersonId)
            .OrderBy(d => d.DateOfBirth).ToListAsync(cancellationToken);
        return new CaseworkPackResponse(
            [.. persons.Select(p => new PackPersonsOfConcern(p.ReferenceId, p.Label, LondonTime.Of(p.OccurredAt)))],
            [.. dependants.Select(DependantResponse.From)]);
    }
}

/// <summary>LC-08: record a dependant. 422: a date of birth in the future or before the young person's own.</summary>
public static class RecordDependant
{
    public sealed record Request(DateOnly? DateOfBirth, bool? SocialCareInvolvement);

    public static async Task<Results<Created<DependantResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("dateOfBirth", request.DateOfBirth).Required("socialCareInvolvement", request.SocialCareInvolvement);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        var born = request.DateOfBirth!.Value;
        errors.When(born > London.DateOf(author.At), "dateOfBirth", "'dateOfBirth' cannot be in the future.")
            .When(born <= picture.DateOfBirth, "dateOfBirth", "'dateOfBirth' must be after the young person's own date of birth.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var dependant = Dependant.Record(id, born, request.SocialCareInvolvement!.Value, author);
        db.Set<Dependant>().Add(dependant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/young-people/{id}/leaving-care", DependantResponse.From(dependant));
    }
}
