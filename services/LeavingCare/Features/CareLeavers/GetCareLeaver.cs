using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.CareLeavers;

/// <summary>The young person's leaving-care record and handover pack, for their adviser or a manager (audited).</summary>
public static class GetCareLeaver
{
    public static async Task<Results<Ok<CareLeaverDetailResponse>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, IOptions<LeavingCareOptions> options, CancellationToken cancellationToken)
    {
        var picture = await CareLeaverEndpoints.KnownAsync(db, id, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new CareLeaverDetailResponse(CareLeaverResponse.From(picture, London.DateOf(now)),
            await HandoverPackResponse.BuildAsync(db, picture, now, cancellationToken), ContinuityResponse.From(picture, options.Value),
            await CaseworkPackResponse.BuildAsync(db, picture.YoungPersonId, cancellationToken)));
    }
}
