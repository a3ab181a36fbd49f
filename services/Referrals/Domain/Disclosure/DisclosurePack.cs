using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Disclosure;

public enum DisclosurePurpose
{
    /// <summary>The young person's (or adult survivor's) own request for what is recorded about them (REC-10).</summary>
    SubjectAccess,
    /// <summary>A case review (a serious case review, a practice review) (REC-09).</summary>
    CaseReview,
    /// <summary>A case audit (REC-07, REC-08).</summary>
    Audit,
}

/// <summary>
/// A complete copy of one young person's record made for disclosure (REC-08, REC-09, REC-10), kept exactly as it was
/// made: the items are stored once, as text, with a SHA-256 of that text and a count per section (REC-04's manifest),
/// and never change. Redactions are separate rows that point into it; the redacted version is computed from both, so
/// the original is always there to compare. Append-only in the database.
/// </summary>
public sealed class DisclosurePack
{
    private DisclosurePack() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DisclosurePurpose Purpose { get; private init; }
    /// <summary>Who the pack is for (the young person, a review panel, a court): shown on every redaction too.</summary>
    public string Recipient { get; private init; } = "";
    public string ItemsJson { get; private init; } = "[]";
    public string Sha256 { get; private init; } = "";
    public int ItemCount { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public string CreatedByRole { get; private init; } = "";

    public IReadOnlyList<PackItem> Items() => PackText.Read(ItemsJson);

    /// <summary>Whether the stored items are still the ones the checksum was made of.</summary>
    public bool Verifies() => PackText.Hash(ItemsJson) == Sha256;

    public static DisclosurePack Make(Guid youngPersonId, DisclosurePurpose purpose, string recipient, IReadOnlyList<PackItem> items, Author author)
    {
        var json = PackText.Write(items);
        return new DisclosurePack
        {
            Id = Guid.CreateVersion7(author.At), YoungPersonId = youngPersonId, Purpose = purpose, Recipient = recipient,
            ItemsJson = json, Sha256 = PackText.Hash(json), ItemCount = items.Count,
            CreatedAt = author.At, CreatedBy = author.UserId, CreatedByRole = author.Role,
        };
    }

}

/// <summary>
/// Another service's part of a pack (REC-10), as it arrived over the bus: stored once per pack and service, as text with
/// its own checksum, like the pack, and never changed. Its item ids carry the service's name (<c>missing:episode:…</c>),
/// so a redaction can point at them. Append-only in the database.
/// </summary>
public sealed class PackContribution
{
    private PackContribution() { }

    public Guid Id { get; private init; }
    public Guid PackId { get; private init; }
    /// <summary>The service's name (<c>missing</c>, <c>outreach</c>, …), one contribution per pack.</summary>
    public string Service { get; private init; } = "";
    public string ItemsJson { get; private init; } = "[]";
    public string Sha256 { get; private init; } = "";
    public int ItemCount { get; private init; }
    public DateTimeOffset ReceivedAt { get; private init; }

    public IReadOnlyList<PackItem> Items() => PackText.Read(ItemsJson);

    public bool Verifies() => PackText.Hash(ItemsJson) == Sha256;

    public static PackContribution Receive(DisclosurePack pack, string service, IReadOnlyList<PackItem> items, DateTimeOffset at)
    {
        var json = PackText.Write(items);
        return new PackContribution
        {
            Id = Guid.CreateVersion7(at), PackId = pack.Id, Service = service, ItemsJson = json, Sha256 = PackText.Hash(json),
            ItemCount = items.Count, ReceivedAt = at,
        };
    }
}

/// <summary>How a pack's items are kept: as JSON text, with a SHA-256 of exactly that text (REC-04).</summary>
internal static class PackText
{
    private static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<PackItem> items) => JsonSerializer.Serialize(items, ItemJson);

    public static IReadOnlyList<PackItem> Read(string json) => JsonSerializer.Deserialize<List<PackItem>>(json, ItemJson) ?? [];

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

/// <summary>
/// One span of one field of one pack item withheld from the recipient (REC-09): who, when, why and for whom. The
/// original is never altered; a redaction can only be added. Append-only in the database.
/// </summary>
public sealed class Redaction
{
    public const int ReasonMaxLength = 1000;

    private Redaction() { }

    public Guid Id { get; private init; }
    public Guid PackId { get; private init; }
    public string ItemId { get; private init; } = "";
    public string Field { get; private init; } = "";
    public int Start { get; private init; }
    public int Length { get; private init; }
    public string Reason { get; private init; } = "";
    public string Recipient { get; private init; } = "";
    public DateTimeOffset RedactedAt { get; private init; }
    public string RedactedBy { get; private init; } = "";
    public string RedactedByRole { get; private init; } = "";

    /// <summary>The problem with this span of the pack's items, as (field, message), or null.</summary>
    public static (string Field, string Message)? Check(IReadOnlyList<PackItem> items, string itemId, string field, int start, int length)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return ("itemId", "No item with this id is in the pack.");
        }
        if (!item.Text.TryGetValue(field, out var text))
        {
            return ("field", $"The item has no field '{field}'; it has {string.Join(", ", item.Text.Keys)}.");
        }
        if (start < 0 || length < 1 || start + length > text.Length)
        {
            return ("length", $"The span must lie within the field's {text.Length} characters.");
        }
        return null;
    }

    public static Redaction Add(DisclosurePack pack, string itemId, string field, int start, int length, string reason, string recipient, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), PackId = pack.Id, ItemId = itemId, Field = field, Start = start, Length = length,
        Reason = reason, Recipient = recipient, RedactedAt = author.At, RedactedBy = author.UserId, RedactedByRole = author.Role,
    };

    /// <summary>The marker that replaces each withheld span (overlapping spans become one).</summary>
    public const string Marker = "[redacted]";

    /// <summary>The items with every redacted span replaced by <see cref="Marker"/>.</summary>
    public static IReadOnlyList<PackItem> Apply(IReadOnlyList<PackItem> items, IReadOnlyCollection<Redaction> redactions)
    {
        var byField = redactions.ToLookup(r => (r.ItemId, r.Field));
        return items.Select(item => item with
        {
            Text = item.Text.ToDictionary(f => f.Key, f => Withhold(f.Value, byField[(item.Id, f.Key)])),
        }).ToList();
    }

    private static string Withhold(string text, IEnumerable<Redaction> spans)
    {
        var withheld = new bool[text.Length];
        var any = false;
        foreach (var span in spans)
        {
            for (var i = span.Start; i < span.Start + span.Length && i < text.Length; i++)
            {
                withheld[i] = any = true;
            }
        }
        if (!any)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!withheld[i])
            {
                result.Append(text[i]);
            }
            else if (i == 0 || !withheld[i - 1])
            {
                result.Append(Marker);
            }
        }
        return result.ToString();
    }
}
