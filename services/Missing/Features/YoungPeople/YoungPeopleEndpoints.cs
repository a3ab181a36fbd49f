using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Missing.Data;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;

namespace Support.Missing.Features.YoungPeople;

public static class YoungPeopleEndpoints
{
    public sealed record YoungPersonResponse(Guid Id, string DisplayName, DateOnly DateOfBirth, int DetailsVersion, DateTimeOffset UpdatedAt);

    public static IEndpointRouteBuilder MapYoungPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        // What this service knows of a young person, from registry events. Identifiable, so audited and staff-only.
        app.MapGet("/api/missing/young-people/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.CaseStaff)
            .AuditsReadOf("young-person")
            .WithTags("Young people");
        return app;
    }

    private static async Task<Results<Ok<YoungPersonResponse>, NotFound>> GetAsync(Guid id, MissingDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.YoungPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return person is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new YoungPersonResponse(person.Id, person.DisplayName, person.DateOfBirth, person.DetailsVersion, person.UpdatedAt));
    }
}
