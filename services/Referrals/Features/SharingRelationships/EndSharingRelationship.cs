using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.SharingRelationships;

/// <summary>Ends a relationship before it lapses (a placement ends, a grant is withdrawn); the row and its reason stay (REC-04).</summary>
public static class EndSharingRelationship
{
    public sealed record Request(string? Reason);

    public static async Task<Results<Ok<SharingRelationshipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Guid relationshipId, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Required("reason", request.Reason?.Trim(), SharingRelationshipRules.ReasonMaxLength);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        var relationship = await db.Set<SharingRelationship>()
            .SingleOrDefaultAsync(r => r.Id == relationshipId && r.YoungPersonId == id, cancellationToken);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }
        var author = user.ToAuthor(clock);
        if (!relationship.End(author.At, author.UserId, request.Reason!.Trim()))
        {
            return Conflicts.Problem("This relationship has already ended.");
        }
        outbox.Add(new SharingRelationshipEnded
        {
            RelationshipId = relationship.Id, YoungPersonId = id, EndedAt = author.At, EndedBy = author.UserId, EndedByRole = author.Role,
            OccurredAt = author.At,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SharingRelationshipResponse.From(relationship, author.At));
    }
}
