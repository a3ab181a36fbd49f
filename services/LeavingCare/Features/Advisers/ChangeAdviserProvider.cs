using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.LeavingCare.Data;
using Support.LeavingCare.Domain;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.LeavingCare.Features.Advisers;

/// <summary>
/// LC-07: a manager moves an adviser to another provider (a service brought in house, a new contract) from a date, with
/// a reason. Nothing is copied or closed: the adviser's allocations, contacts and alerts stay theirs, and the change is
/// a provider-history entry. The same provider again is a 409; a date before the adviser was registered or more than a
/// year ahead is a 422 naming <c>effectiveOn</c>.
/// </summary>
public static class ChangeAdviserProvider
{
    public sealed record Request(string? Provider, DateOnly? EffectiveOn, string? Reason);

    public static async Task<Results<Created<AdviserResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, LeavingCareDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("provider", request.Provider, 100).Required("effectiveOn", request.EffectiveOn)
            .Required("reason", request.Reason, 1000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var adviser = await db.Advisers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (adviser is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock, Access.ManagerRoles);
        var effectiveOn = request.EffectiveOn!.Value;
        errors.When(effectiveOn < London.DateOf(adviser.RegisteredAt), "effectiveOn", "'effectiveOn' cannot be before the adviser was registered.")
            .When(effectiveOn > London.DateOf(author.At).AddYears(1), "effectiveOn", "'effectiveOn' must be within a year.");
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var changes = await db.Set<AdviserProviderChange>().AsNoTracking().Where(c => c.AdviserId == id).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var current = changes.Count == 0 ? adviser.Provider : changes[^1].ToProvider;
        var provider = request.Provider!.Trim();
        if (string.Equals(provider, current, StringComparison.OrdinalIgnoreCase))
        {
            return Conflicts.Problem($"The adviser's provider is already '{current}'.");
        }
        var change = AdviserProviderChange.Record(adviser, changes.Count + 1, current, provider, effectiveOn, request.Reason!.Trim(), author);
        db.Set<AdviserProviderChange>().Add(change);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Conflicts.Problem("The adviser's provider was changed by someone else at the same time; reload it.");
        }
        return TypedResults.Created($"/api/leavingcare/advisers/{id}", AdviserResponse.From(adviser, [.. changes, change]));
    }
}
