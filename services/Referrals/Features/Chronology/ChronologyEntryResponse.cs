using Support.Referrals.Domain.Chronology;

namespace Support.Referrals.Features.Chronology;

/// <summary>
/// One entry as shown: when it happened and when it was recorded (UTC and Europe/London), who signed it, where it
/// came from, its place and hashes in the chain, and the corrections in both directions (REC-01, REC-05).
/// </summary>
public sealed record ChronologyEntryResponse(
    Guid Id,
    int Sequence,
    DateTimeOffset OccurredAt,
    string OccurredAtLondon,
    DateTimeOffset RecordedAt,
    string RecordedAtLondon,
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
    string Hash)
{
    public static ChronologyEntryResponse From(ChronologyEntry e, IReadOnlyList<Guid> correctedBy) => new(
        e.Id, e.Sequence, e.OccurredAt, Domain.London.FormatToTheSecond(e.OccurredAt), e.RecordedAt, Domain.London.FormatToTheSecond(e.RecordedAt), e.SourceService, e.Kind,
        e.Summary, e.Detail, e.AuthorId, e.AuthorRole, e.SourceMessageId, e.SourceRecordId, e.Corrects, correctedBy,
        e.PreviousHash, e.Hash);
}
