using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Escalations;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.ShareRefusals;

/// <summary>
/// REC-11: "A refusal to share records its reason." Whoever refuses a request for information about a young person
/// records who asked, what for and why; a refusal without a reason is a 422 naming <c>reason</c>, because "data
/// protection" must never be a silent reason to withhold. Announced with <c>InformationShareRefused</c>.
/// </summary>
public static class RecordShareRefusal
{
    /// <param name="RequestedBy">The organisation or team that asked.</param>
    /// <param name="InformationRequested">What they asked for.</param>
    /// <param name="Reason">Why it was refused, including the law relied on.</param>
    public sealed record Request(string? RequestedBy, string? InformationRequested, string? Reason);

    public static async Task<Results<Created<ShareRefusalView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("requestedBy", request.RequestedBy?.Trim(), 200)
            .Required("informationRequested", request.InformationRequested?.Trim(), 2000)
            .MaxLength("reason", request.Reason, 4000);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return errors.Add("reason", "A refusal to share must record its reason (REC-11).").ToUnprocessable();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var refusal = ShareRefusal.Record(id, request.RequestedBy!, request.InformationRequested!, request.Reason, user.ToAuthor(clock));
        db.Set<ShareRefusal>().Add(refusal);
        outbox.Add(refusal.Announced());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/referrals/young-people/{id}/share-refusals", ShareRefusalView.From(refusal, []));
    }
}
