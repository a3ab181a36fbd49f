using Support.Referrals.Domain.Chronology;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// One entry as shown: when it happened and when it was recorded (London time to the second, since several entries can
/// fall in one minute, REC-02), who signed it, where it came from, its place and hashes in the chain, and the
/// corrections in both directions (REC-01, REC-05). The display shape is not hashed: the chain hashes the stored UTC
/// instants (<see cref="ChronologyEntry.CanonicalBytes"/>), so changing how times are shown never breaks a chain.
/// </summary>
public sealed record ChronologyEntryResponse(
    Guid Id,
    int Sequence,
    LondonTime OccurredAt,
    LondonTime RecordedAt,
    string SourceService,
    ChronologyEntryKind Kind,
    string Summary,
    string? Detail,
    string AuthorId,
    string? AuthorRole,
    Guid? SourceMessageId,
    Guid? SourceRecordId,
    Guid? Corrects,
    IReadOnlyList<Guid> CorrectedBy,
    string PreviousHash,
    string Hash,
    // REF-08: on a case note just written about a child under 16 in the language of consent or blame, the law it
    // contradicts; a prompt, never a refusal. Null on reads.
    IReadOnlyList<LegalLanguagePrompt>? Prompts = null)
{
    public static ChronologyEntryResponse From(ChronologyEntry e, IReadOnlyList<Guid> correctedBy) => new(
        e.Id, e.Sequence, LondonTime.Of(e.OccurredAt), LondonTime.Of(e.RecordedAt), e.SourceService, e.Kind,
        e.Summary, e.Detail, e.AuthorId, e.AuthorRole, e.SourceMessageId, e.SourceRecordId, e.Corrects, correctedBy,
        e.PreviousHash, e.Hash);
}
