using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Support.Referrals.Data;
using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// Reads a pack (REC-09): <c>view=redacted</c> (the default: what the recipient is given), <c>original</c>, or
/// <c>side-by-side</c> for the auditor's comparison, with the other services' parts that have arrived and those still
/// awaited. Every read is a read of the young person's record (REC-08).
/// </summary>
public static class GetDisclosurePack
{
    public static readonly string[] Views = ["redacted", "original", "side-by-side"];

    public static async Task<Results<Ok<DisclosurePackResponse>, ValidationProblem, NotFound>> HandleAsync(
        Guid packId, string? view, ReferralsDbContext db, IAccessLog accessLog, IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        var chosen = view ?? "redacted";
        if (!Views.Contains(chosen))
        {
            return new ValidationErrors().Add("view", $"'view' must be one of {string.Join(", ", Views)}.").ToBadRequest();
        }
        var pack = await db.DisclosurePacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packId, cancellationToken);
        if (pack is null)
        {
            return TypedResults.NotFound();
        }
        await accessLog.RecordAsync(AccessSubjects.YoungPerson, [pack.YoungPersonId], AccessActions.Read, cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, pack, chosen, options.Value, cancellationToken));
    }

    /// <summary>One view of a pack; the caller has decided the reader may see it and logged the read.</summary>
    internal static async Task<DisclosurePackResponse> ViewAsync(
        ReferralsDbContext db, DisclosurePack pack, string chosen, DisclosureOptions options, CancellationToken cancellationToken,
        DateTimeOffset? receivedUpTo = null)
    {
        var redactions = await db.Redactions.AsNoTracking().Where(r => r.PackId == pack.Id)
            .OrderBy(r => r.RedactedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var contents = await PackContents.LoadAsync(db, pack, options, cancellationToken, receivedUpTo);
        var items = contents.Items;
        var redacted = Redaction.Apply(items, redactions);
        var shown = items.Select((item, i) => new PackItemView(
            item.Id, item.Section, item.OccurredAt is { } at ? LondonTime.Of(at) : null, item.Provenance,
            chosen == "redacted" ? null : item.Text,
            chosen == "original" ? null : redacted[i].Text)).ToList();
        return new DisclosurePackResponse(
            DisclosurePackManifest.From(pack, contents), contents.Verified, chosen, redactions.Select(RedactionResponse.From).ToList(), shown);
    }
}
