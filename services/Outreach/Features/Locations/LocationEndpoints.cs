using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Support.Outreach.Data;
using Support.ServiceDefaults.Auth;

namespace Support.Outreach.Features.Locations;

public static class LocationEndpoints
{
    public static IEndpointRouteBuilder MapLocationEndpoints(this IEndpointRouteBuilder app)
    {
        // Places name no child, but they come with the contacts around them: case staff only (Part I).
        var group = app.MapGroup("/api/outreach/locations").RequireAuthorization(Policies.CaseStaff).WithTags("Locations")
            .WithMetadata(new RequestSizeLimitAttribute(Input.MaxBodyBytes));
        group.MapPost("/", RecordLocation.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff)
            .WithName("RecordLocation").WithSummary("Record a place (park, takeaway, taxi rank...) as a location in its own right (OUT-08)");
        group.MapGet("/", ListAsync)
            .WithName("ListLocations").WithSummary("Known locations, optionally those whose name contains 'name'");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetLocation").WithSummary("One location");
        app.MapGet("/api/outreach/my/places", MyPlaces.HandleAsync).RequireAuthorization(OutreachApi.OutreachStaff).WithTags("Locations")
            .WithName("MyPlaces").WithSummary("The places where the signed-in worker logged contacts, with their own counts (OUT-08, the worker's map)");
        return app;
    }

    private static async Task<Ok<List<LocationResponse>>> ListAsync(string? name, OutreachDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Locations.AsNoTracking();
        if (Input.Clean(name) is { } fragment)
        {
            query = query.Where(l => EF.Functions.ILike(l.Name, "%" + fragment.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"));
        }
        var locations = await query.OrderBy(l => l.Name).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(locations.Select(LocationResponse.From).ToList());
    }

    private static async Task<Results<Ok<LocationResponse>, NotFound>> GetAsync(Guid id, OutreachDbContext db, CancellationToken cancellationToken) =>
        await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken) is { } location
            ? TypedResults.Ok(LocationResponse.From(location))
            : TypedResults.NotFound();
}
