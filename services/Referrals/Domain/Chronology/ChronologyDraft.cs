namespace Support.Referrals.Domain.Chronology;

/// <summary>Who signed a chronology entry: a person and the role they acted in, or the service that recorded it (REC-01).</summary>
public sealed record ChronologyAuthor(string Id, string? Role)
{
    /// <summary>The signature of an entry whose event names no person: the service that published it, e.g. <c>service:missing</c>.</summary>
    public static ChronologyAuthor Service(string sourceService) => new($"service:{sourceService}", "Service");
}

/// <summary>
/// An entry before it is placed on a young person's chain: what happened, when, who says so and where it came from.
/// The chain (sequence, hashes) and the server's recorded-at time are added when it is appended.
/// </summary>
public sealed record ChronologyDraft(
    Guid YoungPersonId,
    DateTimeOffset OccurredAt,
    string SourceService,
    ChronologyEntryKind Kind,
    string Summary,
    ChronologyAuthor Author,
    Guid? SourceRecordId,
    string? Detail = null,
    Guid? Corrects = null);
