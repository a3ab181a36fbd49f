using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;
using Support.Therapy.Data;
using Support.Therapy.Domain;

namespace Support.Therapy.Features.Providers;

public static class RegisterProvider
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Name, string? ReferralRoute);

    public static async Task<Results<Created<ProviderResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, ClaimsPrincipal user, TherapyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("name", request.Name, 200, required: true).Text("referralRoute", request.ReferralRoute, 500);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var name = request.Name!.Trim();
        if (await db.Providers.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return errors.Add("name", "A provider with this name is already registered.").ToUnprocessable();
        }
        var provider = Provider.Register(name, Input.Clean(request.ReferralRoute), user.ToAuthor(clock, Access.OfferManagerRoles));
        db.Providers.Add(provider);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same provider registered twice at once: the check above saw neither, the unique index sees both.
            return new ValidationErrors().Add("name", "A provider with this name is already registered.").ToUnprocessable();
        }
        return TypedResults.Created($"/api/therapy/providers/{provider.Id}", new ProviderResponse(provider.Id, provider.Name, provider.ReferralRoute));
    }
}
