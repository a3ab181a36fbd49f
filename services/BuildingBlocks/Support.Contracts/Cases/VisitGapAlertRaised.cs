using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Cases;

/// <summary>
/// A case went longer without face-to-face contact than its risk level allows (REF-23: "several weeks or even months
/// passing between visits"). Raised once per gap; a new face-to-face visit starts a new one.
/// </summary>
[MessageUrn("support:cases:visit-gap-alert-raised:v1")]
public sealed record VisitGapAlertRaised
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public string? KeyWorker { get; init; }
    public RiskLevel? RiskLevel { get; init; }
    /// <summary>The last face-to-face contact, or null when there has been none since the case opened.</summary>
    public DateTimeOffset? LastFaceToFaceAt { get; init; }
    public required int GapDays { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
