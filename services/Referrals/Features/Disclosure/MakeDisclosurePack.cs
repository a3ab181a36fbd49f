using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Problems;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Copies one young person's whole record into a pack (REC-10) and answers with its manifest: the count per section
/// and the checksum (REC-04). Making a pack is a read of the record and is audited as an export.
/// </summary>
public static class MakeDisclosurePack
{
    /// <param name="Purpose">SubjectAccess, CaseReview or Audit.</param>
    /// <param name="Recipient">Who it is for: the young person, a review panel, a court.</param>
    public sealed record Request(DisclosurePurpose? Purpose, string? Recipient);

    public static async Task<Results<Created<DisclosurePackManifest>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, ReferralsDbContext db, IAccessLog accessLog, TimeProvider clock,
        CancellationToken cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [id], AccessActions.Export, cancellationToken);
        return TypedResults.Created($"/api/referrals/disclosure-packs/{pack.Id}", DisclosurePackManifest.From(pack, items));
    }
}
