using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Accommodation;

/// <summary>Flags an address from intelligence or a strategy meeting, to check accommodation against (LC-05).</summary>
public static class FlagAddress
{
    public static async Task<Results<Created<FlaggedAddressResponse>, ValidationProblem>> HandleAsync(
        FlagAddressRequest request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("address", request.Address, 300)
            .Required("postcode", request.Postcode, 16)
            .Required("source", request.Source, 32)
            .Required("reason", request.Reason, 1000);
        errors.When(request.Source is not null && !AccommodationEndpoints.Sources.Contains(request.Source), "source", $"'source' is one of {string.Join(", ", AccommodationEndpoints.Sources)}.");
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var flagged = FlaggedAddress.Record(request.Address!.Trim(), request.Postcode!.Trim(), request.Source!, request.Reason!, user.ToAuthor(clock, Access.ManagerRoles));
        db.FlaggedAddresses.Add(flagged);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/leavingcare/flagged-addresses/{flagged.Id}",
            new FlaggedAddressResponse(flagged.Id, flagged.Address, flagged.Postcode, flagged.Source, LondonTime.Of(flagged.RecordedAt), flagged.RecordedBy));
    }
}
