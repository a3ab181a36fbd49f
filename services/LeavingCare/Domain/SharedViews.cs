namespace Support.LeavingCare.Domain;

/// <summary>
/// The young person's own words as another service recorded them (SL-07: a support-line text a worker marked as their
/// views), kept word for word with the date they were said, for the handover pack (LC-01). Append-only (REC-01); stored
/// once per source record, however often its event is delivered.
/// </summary>
public sealed class SharedViews
{
    private SharedViews() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The service that recorded the words ("SupportLine").</summary>
    public string SourceService { get; private init; } = "";
    /// <summary>That service's id for the record (the support-line message).</summary>
    public Guid SourceId { get; private init; }
    /// <summary>Word for word: a quotation is never shortened.</summary>
    public string Words { get; private init; } = "";
    /// <summary>When the young person said it.</summary>
    public DateTimeOffset SaidAt { get; private init; }
    /// <summary>How it was said ("text message").</summary>
    public string Method { get; private init; } = "";
    /// <summary>The worker who recorded the words as the young person's views, in the other service.</summary>
    public string RecordedBy { get; private init; } = "";
    /// <summary>When this service received them.</summary>
    public DateTimeOffset ReceivedAt { get; private init; }

    public static SharedViews Of(Guid youngPersonId, string sourceService, Guid sourceId, string words, DateTimeOffset saidAt, string method,
        string recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        YoungPersonId = youngPersonId,
        SourceService = sourceService,
        SourceId = sourceId,
        Words = words,
        SaidAt = saidAt,
        Method = method.Length > 64 ? method[..64] : method,
        RecordedBy = recordedBy.Length > 200 ? recordedBy[..200] : recordedBy,
        ReceivedAt = now,
    };
}
