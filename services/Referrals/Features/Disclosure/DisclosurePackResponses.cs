using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Disclosure;

/// <summary>What a pack holds, without its content: counts per section and the checksum of the stored items (REC-04).</summary>
public sealed record DisclosurePackManifest(
    Guid Id, Guid YoungPersonId, DisclosurePurpose Purpose, string Recipient, int ItemCount, IReadOnlyDictionary<string, int> Sections,
    string Sha256, LondonTime CreatedAt, string CreatedBy)
{
    public static DisclosurePackManifest From(DisclosurePack pack, IReadOnlyList<PackItem> items) => new(
        pack.Id, pack.YoungPersonId, pack.Purpose, pack.Recipient, pack.ItemCount,
        PackSections.All.ToDictionary(s => s, s => items.Count(i => i.Section == s)), pack.Sha256, LondonTime.Of(pack.CreatedAt), pack.CreatedBy);
}

public sealed record RedactionResponse(
    Guid Id, string ItemId, string Field, int Start, int Length, string Reason, string Recipient, LondonTime RedactedAt, string RedactedBy,
    string RedactedByRole)
{
    public static RedactionResponse From(Redaction r) =>
        new(r.Id, r.ItemId, r.Field, r.Start, r.Length, r.Reason, r.Recipient, LondonTime.Of(r.RedactedAt), r.RedactedBy, r.RedactedByRole);
}

/// <summary>
/// A pack as read: the manifest, whether the stored items still match the checksum, the redactions, and the items in
/// the view asked for. Side by side, each item carries its original and its redacted text.
/// </summary>
public sealed record DisclosurePackResponse(
    DisclosurePackManifest Manifest, bool ChecksumVerified, string View, IReadOnlyList<RedactionResponse> Redactions,
    IReadOnlyList<PackItemView> Items);

public sealed record PackItemView(
    string Id, string Section, LondonTime? OccurredAt, PackProvenance Provenance, IReadOnlyDictionary<string, string>? Original,
    IReadOnlyDictionary<string, string>? Redacted);
