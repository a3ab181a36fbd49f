using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Copies one young person's whole record in Referrals into a pack (REC-10), asks every other service for its part
/// (<see cref="DisclosurePackRequested"/>) in the same transaction, and answers with the manifest: the count per section,
/// the checksum (REC-04) and the services awaited. Making a pack is a read of the record and is audited as an export.
/// </summary>
public static class MakeDisclosurePack
{
    /// <param name="Purpose">SubjectAccess, CaseReview or Audit.</param>
    /// <param name="Recipient">Who it is for: the young person, a review panel, a court.</param>
    public sealed record Request(DisclosurePurpose? Purpose, string? Recipient);

    public static async Task<Results<Created<DisclosurePackManifest>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IOutbox outbox, IAccessLog accessLog, TimeProvider clock,
        IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("purpose", request.Purpose)
            .When(request.Purpose is { } purpose && !Enum.IsDefined(purpose), "purpose",
                $"'purpose' must be one of {string.Join(", ", Enum.GetNames<DisclosurePurpose>())}.")
            .Required("recipient", request.Recipient?.Trim(), 200);
        if (errors.Any)
        {
            return errors.ToBadRequest();
        }
        if (!await db.YoungPeople.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var items = await PackAssembly.ItemsAsync(db, id, cancellationToken);
        var pack = DisclosurePack.Make(id, request.Purpose!.Value, request.Recipient!.Trim(), items,
            user.ToAuthor(clock, DisclosureEndpoints.DisclosureRoles));
        db.DisclosurePacks.Add(pack);
        // Every other service answers with its part, word for word (DisclosurePackContributed, Consumers/Disclosure).
        outbox.Add(new DisclosurePackRequested { PackId = pack.Id, YoungPersonId = id, Purpose = pack.Purpose.ToString(), OccurredAt = pack.CreatedAt });
        await db.SaveChangesAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [id], AccessActions.Export, cancellationToken);
        return TypedResults.Created($"/api/referrals/disclosure-packs/{pack.Id}", DisclosurePackManifest.From(pack,
            new PackContents(items, Verified: true, Contributions: [], Awaiting: options.Value.Services())));
    }
}
