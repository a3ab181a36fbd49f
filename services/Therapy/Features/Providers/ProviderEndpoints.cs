using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Features.Providers;

/// <summary>Commissioned providers and their offers (THR-03, THR-06, THR-09).</summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/therapy").WithTags("Providers and offers");
        api.MapPost("/providers", RegisterProvider.HandleAsync).RequireAuthorization(Access.OfferManagers)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("RegisterProvider").WithSummary("Register a commissioned provider (managers).");
        api.MapPost("/providers/{id:guid}/offers", AddOffer.HandleAsync).RequireAuthorization(Access.OfferManagers)
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes))
            .WithName("AddOffer").WithSummary("Add an offer: type, settings, published eligibility and outcomes, ages, capacity and funding per period.");
        api.MapGet("/offers", ListOffers.HandleAsync).RequireAuthorization(Policies.CaseStaff)
            .WithName("ListOffers").WithSummary("Every offer with its provider, funding in force and capacity used (computed from accepted referrals).");
        return app;
    }
}
