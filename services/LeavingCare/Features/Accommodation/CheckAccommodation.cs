using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Accommodation;

/// <summary>Checks proposed accommodation against flagged addresses and unsuitable placement types (LC-05).</summary>
public static class CheckAccommodation
{
    public static async Task<Results<Created<AccommodationCheckResponse>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, CheckAccommodationRequest request, ClaimsPrincipal user, LeavingCareDbContext db, IOptions<LeavingCareOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("address", request.Address, 300)
            .Required("postcode", request.Postcode, 16)
            .Required("placementType", request.PlacementType, 64)
            .Required("adultsOnly", request.AdultsOnly)
            .Required("staffedEveningsAndWeekends", request.StaffedEveningsAndWeekends);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var picture = await db.Pictures.AsNoTracking().SingleOrDefaultAsync(p => p.YoungPersonId == id && p.DateOfBirth != null, cancellationToken);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }
        // Issue 17: the reply names flagged addresses, so only the young person's adviser or a manager may ask, the
        // same rule as their leaving-care record (GetCareLeaver).
        if (!user.MaySee(picture))
        {
            return TypedResults.Forbid();
        }
        var author = user.ToAuthor(clock, Access.TeamRoles);
        var age = picture.AgeOn(London.DateOf(author.At));
        if (age is < 16 || age >= options.Value.SupportUntilAge)
        {
            return errors.Add("youngPersonId", $"Accommodation checks are for 16-{options.Value.SupportUntilAge} year olds; this young person is {age}.").ToUnprocessable();
        }
        var addressKey = AddressKey.Normalise(request.Address!);
        var postcodeKey = AddressKey.Normalise(request.Postcode!);
        var flagged = await db.FlaggedAddresses.AsNoTracking()
            .Where(f => f.PostcodeKey == postcodeKey && f.AddressKey == addressKey)
            .Select(f => new { f.Id, f.Source }).ToListAsync(cancellationToken);
        var matches = flagged.Select(f => $"FlaggedAddress:{f.Source}:{f.Id}").ToList();
        if (options.Value.UnsuitablePlacementTypes.Contains(request.PlacementType!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            matches.Add($"UnsuitablePlacementType:{request.PlacementType.Trim()}");
        }
        if (request.AdultsOnly == true && request.StaffedEveningsAndWeekends == false)
        {
            matches.Add("AdultsOnlyWithoutEveningAndWeekendStaff");
        }
        var check = AccommodationCheck.Record(id, request.Address!.Trim(), request.Postcode!.Trim(), request.PlacementType.Trim(),
            request.AdultsOnly!.Value, request.StaffedEveningsAndWeekends!.Value, matches, author);
        db.AccommodationChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/accommodation-checks/{check.Id}", AccommodationEndpoints.Response(check, null));
    }
}
