using MassTransit;

namespace Support.Contracts.Missing;

/// <summary>
/// Command from Leaving Care: an adult care leaver's whereabouts are unknown, so the Missing service opens an episode
/// (LC-04, MIS-01; Casey-K18 "She is not reported missing and her whereabouts are unknown").
/// </summary>
[MessageUrn("support:missing:report-whereabouts-unknown:v1")]
public sealed record ReportWhereaboutsUnknown
{
    public required Guid CommandId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string ReportedBy { get; init; }
    public required DateTimeOffset LastContactAt { get; init; }
    /// <summary>The adviser's own words on why they are worried, if they gave any (optional: older senders omit it).</summary>
    public string? Concern { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
