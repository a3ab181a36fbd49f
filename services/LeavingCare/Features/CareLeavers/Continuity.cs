using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>
/// LC-02, LC-03: what carries on past 18, shown with the record: the young person's victim status (ongoing support
/// needs, never cleared by a birthday) and the date the personal adviser's duty runs to (21, or 25 in education or
/// training; parameters).
/// </summary>
public sealed record ContinuityResponse(
    bool VictimWithOngoingSupportNeeds, LondonTime? VictimStatusSince, bool InEducationOrTraining, DateOnly? AdviserDutyEndsOn, int AdviserDutyEndAge)
{
    public static ContinuityResponse From(YoungPersonPicture p, LeavingCareOptions options) => new(
        p.VictimWithOngoingSupportNeedsSince is not null, LondonTime.Of(p.VictimWithOngoingSupportNeedsSince), p.InEducationOrTraining,
        p.AdviserDutyEndsOn(options), p.InEducationOrTraining ? options.PaDutyEndAgeInEducationOrTraining : options.PaDutyEndAge);
}

/// <summary>LC-03: whether the young person is in education or training (it moves the adviser's duty end date).</summary>
public static class SetEducationOrTraining
{
    public sealed record Request(bool? InEducationOrTraining);

    public static async Task<Results<Ok<ContinuityResponse>, ValidationProblem, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("inEducationOrTraining", request.InEducationOrTraining);
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
        picture.SetEducationOrTraining(request.InEducationOrTraining!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ContinuityResponse.From(picture, options.Value));
    }
}
