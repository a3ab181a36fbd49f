using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.Chronology;

/// <summary>
/// One dated, signed line in a young person's single chronology (REC-01, REC-02). Entries are never changed or
/// deleted (the table is append-only); a correction is a new entry that points at the one it corrects (REC-05). Each
/// entry carries a SHA-256 hash of its own content and of the previous entry's hash for the same young person, so an
/// edited, removed or re-ordered entry breaks the chain and is detected (REC-04).
/// </summary>
public sealed class ChronologyEntry
{
    /// <summary>The hash of "nothing before": the first entry of a chain follows an empty previous hash.</summary>
    public const string ChainStart = "";

    /// <summary>Bumped if the canonical form ever changes, so old entries stay verifiable by the old rule.</summary>
    private const string CanonicalVersion = "chronology-entry:v1";

    private ChronologyEntry() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>1, 2, 3 ... per young person, with no gaps: a gap is a lost entry.</summary>
    public int Sequence { get; private init; }
    /// <summary>When it happened (the event's <c>OccurredAt</c>, or the date given for a case note).</summary>
    public DateTimeOffset OccurredAt { get; private init; }
    /// <summary>When this service wrote it down: server time, never the client's (REC-01).</summary>
    public DateTimeOffset RecordedAt { get; private init; }
    public string SourceService { get; private init; } = "";
    public ChronologyEntryKind Kind { get; private init; }
    public string Summary { get; private init; } = "";
    /// <summary>Text the event itself carries (a strategy meeting's decisions and actions, REF-12) or a case note.</summary>
    public string? Detail { get; private init; }
    public string AuthorId { get; private init; } = "";
    public string? AuthorRole { get; private init; }
    /// <summary>The bus message this entry came from (null for entries written by hand).</summary>
    public Guid? SourceMessageId { get; private init; }
    /// <summary>The record in the source service: an episode, a review, a referral, a meeting.</summary>
    public Guid? SourceRecordId { get; private init; }
    /// <summary>The entry this one corrects (REC-05).</summary>
    public Guid? Corrects { get; private init; }
    public string PreviousHash { get; private init; } = ChainStart;
    public string Hash { get; private init; } = "";

    /// <summary>Places <paramref name="draft"/> after the chain's current head and seals it with its hash.</summary>
    public static ChronologyEntry Append(ChronologyHead head, ChronologyDraft draft, Guid? sourceMessageId, DateTimeOffset recordedAt)
    {
        if (head.YoungPersonId != draft.YoungPersonId)
        {
            throw new InvalidOperationException("An entry is appended to its own young person's chain.");
        }
        var entry = new ChronologyEntry
        {
            Id = Guid.CreateVersion7(recordedAt),
            YoungPersonId = draft.YoungPersonId,
            Sequence = head.LastSequence + 1,
            // PostgreSQL keeps microseconds: truncate before hashing so the stored row hashes the same when read back.
            OccurredAt = draft.OccurredAt.ToUniversalTime().ToStoredPrecision(),
            RecordedAt = recordedAt.ToUniversalTime().ToStoredPrecision(),
            SourceService = draft.SourceService,
            Kind = draft.Kind,
            Summary = draft.Summary,
            Detail = draft.Detail,
            AuthorId = draft.Author.Id,
            AuthorRole = draft.Author.Role,
            SourceMessageId = sourceMessageId,
            SourceRecordId = draft.SourceRecordId,
            Corrects = draft.Corrects,
            PreviousHash = head.LastHash,
        };
        var sealedEntry = entry.WithHash(entry.ComputeHash());
        head.Advance(sealedEntry);
        return sealedEntry;
    }

    /// <summary>
    /// SHA-256 (lower-case hex) over the canonical form: a JSON array of every field in a fixed order, instants as UTC
    /// with microseconds, ending with the previous entry's hash. Recomputed from the stored row when verifying.
    /// </summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    public byte[] CanonicalBytes()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(CanonicalVersion);
            json.WriteStringValue(Id);
            json.WriteStringValue(YoungPersonId);
            json.WriteNumberValue(Sequence);
            json.WriteStringValue(Instant(OccurredAt));
            json.WriteStringValue(Instant(RecordedAt));
            json.WriteStringValue(SourceService);
            json.WriteStringValue(Kind.ToString());
            json.WriteStringValue(Summary);
            WriteNullable(json, Detail);
            json.WriteStringValue(AuthorId);
            WriteNullable(json, AuthorRole);
            WriteNullable(json, SourceMessageId?.ToString("D"));
            WriteNullable(json, SourceRecordId?.ToString("D"));
            WriteNullable(json, Corrects?.ToString("D"));
            json.WriteStringValue(PreviousHash);
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private ChronologyEntry WithHash(string hash) => new()
    {
        Id = Id, YoungPersonId = YoungPersonId, Sequence = Sequence, OccurredAt = OccurredAt, RecordedAt = RecordedAt,
        SourceService = SourceService, Kind = Kind, Summary = Summary, Detail = Detail, AuthorId = AuthorId,
        AuthorRole = AuthorRole, SourceMessageId = SourceMessageId, SourceRecordId = SourceRecordId, Corrects = Corrects,
        PreviousHash = PreviousHash, Hash = hash,
    };

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
