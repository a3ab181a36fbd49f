using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.CrossReferences;

/// <summary>
/// REF-19: information about one young person held on another's record, tagged to the child it is about, so it reaches
/// their record ("safety critical decisions being made in the absence of all the relevant information", Imray §4.1).
/// The summary is readable only by those who may read the source record. Append-only.
/// </summary>
public sealed class CrossReference
{
    private CrossReference() { }

    public Guid Id { get; private init; }
    public Guid SourceYoungPersonId { get; private init; }
    public Guid TaggedYoungPersonId { get; private init; }
    public string SourceKind { get; private init; } = "";
    public string? SourceReference { get; private init; }
    public string Summary { get; private init; } = "";
    /// <summary>The key workers of the tagged child's open cases at the time: each is told, and acknowledges.</summary>
    public List<string> KeyWorkers { get; private init; } = [];
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static CrossReference Record(Guid source, Guid tagged, string sourceKind, string? sourceReference, string summary, IEnumerable<string> keyWorkers, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        SourceYoungPersonId = source,
        TaggedYoungPersonId = tagged,
        SourceKind = sourceKind,
        SourceReference = sourceReference,
        Summary = summary,
        KeyWorkers = [.. keyWorkers.Distinct().Order(StringComparer.Ordinal)],
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

/// <summary>A key worker's acknowledgement that they have read a cross-reference about their child; once each.</summary>
public sealed class CrossReferenceAcknowledgement
{
    private CrossReferenceAcknowledgement() { }

    public Guid CrossReferenceId { get; private init; }
    public string KeyWorker { get; private init; } = "";
    public DateTimeOffset AcknowledgedAt { get; private init; }

    public static CrossReferenceAcknowledgement Of(Guid crossReferenceId, string keyWorker, DateTimeOffset at) =>
        new() { CrossReferenceId = crossReferenceId, KeyWorker = keyWorker, AcknowledgedAt = at };
}
