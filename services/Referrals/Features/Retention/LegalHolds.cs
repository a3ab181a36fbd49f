using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Retention;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Retention;

/// <summary>
/// Legal holds (REC-04): a hold stops the retention job for one young person until it is released. Placing or releasing
/// one overrides the retention rule, so each needs a reason (422 naming <c>reason</c> without one, as for a redaction).
/// </summary>
public static class LegalHolds
{
    public sealed record Request(string? Reason);

    public const int ReasonMaxLength = 2000;

    private static ValidationErrors ReasonErrors(string? reason) => new ValidationErrors()
        .When(string.IsNullOrWhiteSpace(reason), "reason", "A legal hold is placed and released with a reason.")
        .When(reason is { Length: > ReasonMaxLength }, "reason", $"'reason' is at most {ReasonMaxLength} characters.");

    public static async Task<Results<Created<LegalHoldResponse>, ValidationProblem, ProblemHttpResult, NotFound>> PlaceAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = ReasonErrors(request.Reason);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        if (await db.Set<RetentionTombstone>().AnyAsync(t => t.YoungPersonId == id, cancellationToken))
        {
            return Conflicts.Problem("This young person's records have already been removed at the end of their retention period.");
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var hold = LegalHold.Place(id, request.Reason!, user.ToAuthor(clock, RetentionEndpoints.RetentionOfficers));
        db.Set<LegalHold>().Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/legal-holds", LegalHoldResponse.From(hold));
    }

    public static async Task<Results<Ok<LegalHoldResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ReleaseAsync(
        Guid id, Guid holdId, Request request, ClaimsPrincipal user, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = ReasonErrors(request.Reason);
        if (errors.Any)
        {
            return errors.ToUnprocessable();
        }
        var hold = await db.Set<LegalHold>().SingleOrDefaultAsync(h => h.Id == holdId && h.YoungPersonId == id, cancellationToken);
        if (hold is null)
        {
            return TypedResults.NotFound();
        }
        if (!hold.Release(request.Reason!, user.ToAuthor(clock, RetentionEndpoints.RetentionOfficers)))
        {
            return Conflicts.Problem("This legal hold has already been released.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LegalHoldResponse.From(hold));
    }

    public static async Task<Ok<IReadOnlyList<LegalHoldResponse>>> ListAsync(Guid id, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.YoungPersonId == id).OrderBy(h => h.PlacedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LegalHoldResponse>>([.. holds.Select(LegalHoldResponse.From)]);
    }
}
