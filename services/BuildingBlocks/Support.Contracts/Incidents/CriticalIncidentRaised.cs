using MassTransit;

namespace Support.Contracts.Incidents;

/// <summary>
/// REF-22 (Imray §4.7: "no obvious references to senior managers being alerted"): a critical incident about a young
/// person. Referrals keeps the senior-manager queue and its acknowledgement deadline. Codes and ids only: what was said
/// stays in the record that found it (<see cref="SourceService"/>, <see cref="SourceReference"/>).
/// </summary>
[MessageUrn("support:incidents:critical-incident-raised:v1")]
public sealed record CriticalIncidentRaised
{
    public required Guid IncidentId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required CriticalIncidentKind Kind { get; init; }
    /// <summary>The service whose record shows the incident (<c>referrals</c>, <c>missing</c>...).</summary>
    public required string SourceService { get; init; }
    /// <summary>The record in that service, as <c>kind:id</c> (for example <c>return-interview:{id}</c>).</summary>
    public required string SourceReference { get; init; }
    /// <summary>When the incident happened, as recorded by the user (COM-09).</summary>
    public required DateTimeOffset IncidentAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
