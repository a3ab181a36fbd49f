using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.ServiceDefaults.Data;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Outreach.Features.Aliases;

/// <summary>OUT-02: a young person known only by a street name is recorded in their own right, before anyone knows who they are.</summary>
public static class RecordAlias
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Request(string? Name, int? ApproximateAge, string? Area, string? Description, string? Gender, string? Ethnicity);

    public static async Task<Results<Created<AliasResponse>, ValidationProblem>> HandleAsync(
        Request request, HttpRequest http, ClaimsPrincipal user, OutreachDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Text("name", request.Name, 100, required: true)
            .Text("area", request.Area, 200)
            .Text("description", request.Description, 2000, multiline: true)
            .Text("gender", request.Gender, 100)
            .Text("ethnicity", request.Ethnicity, 100)
            .When(request.ApproximateAge is < 5 or > 30, "approximateAge", "'approximateAge' must be between 5 and 30.");
        var key = errors.IdempotencyKey(http);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var author = user.ToAuthor(clock);
        if (key is not null && await FindByKeyAsync(db, author.UserId, key, cancellationToken) is { } replay)
        {
            return Created(replay);
        }
        var alias = Alias.Record(request.Name!.Trim(), request.ApproximateAge, Input.Clean(request.Area), Input.Clean(request.Description),
            Input.Clean(request.Gender), Input.Clean(request.Ethnicity), author, key);
        db.Aliases.Add(alias);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && key is not null)
        {
            db.ChangeTracker.Clear();
            return Created(await FindByKeyAsync(db, author.UserId, key, cancellationToken)
                ?? throw new InvalidOperationException("A unique key refused the alias but no alias holds its idempotency key.", e));
        }
        return Created(alias);
    }

    private static Task<Alias?> FindByKeyAsync(OutreachDbContext db, string recordedBy, string key, CancellationToken cancellationToken) =>
        db.Aliases.AsNoTracking().SingleOrDefaultAsync(a => a.RecordedBy == recordedBy && a.IdempotencyKey == key, cancellationToken);

    private static Created<AliasResponse> Created(Alias alias) =>
        TypedResults.Created($"/api/outreach/aliases/{alias.Id}", AliasResponse.From(alias, match: null));
}
