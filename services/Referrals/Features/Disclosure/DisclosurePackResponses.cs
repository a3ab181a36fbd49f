using Support.Referrals.Domain.Disclosure;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Disclosure;

/// <summary>
/// What a pack holds, without its content (REC-04): counts per section over every part, the checksum of Referrals' own
/// items, each other service's part with its own checksum, and the services not heard from yet. Complete when none is.
/// </summary>
public sealed record DisclosurePackManifest(
    Guid Id, Guid YoungPersonId, DisclosurePurpose Purpose, string Recipient, int ItemCount, IReadOnlyDictionary<string, int> Sections,
    string Sha256, LondonTime CreatedAt, string CreatedBy, bool Complete, IReadOnlyList<string> Awaiting,
    IReadOnlyList<PackContributionManifest> Contributions)
{
    public static DisclosurePackManifest From(DisclosurePack pack, PackContents contents) => new(
        pack.Id, pack.YoungPersonId, pack.Purpose, pack.Recipient, contents.Items.Count,
        PackSections.All.ToDictionary(s => s, s => contents.Items.Count(i => i.Section == s)), pack.Sha256, LondonTime.Of(pack.CreatedAt),
        pack.CreatedBy, contents.Complete, contents.Awaiting, contents.Contributions.Select(PackContributionManifest.From).ToList());
}

/// <summary>One other service's part of a pack: how many items, their checksum, and when it arrived.</summary>
public sealed record PackContributionManifest(string Service, int ItemCount, string Sha256, LondonTime ReceivedAt)
{
    public static PackContributionManifest From(PackContribution c) => new(c.Service, c.ItemCount, c.Sha256, LondonTime.Of(c.ReceivedAt));
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
