using MassTransit;
using Support.Contracts.Risk;

namespace Support.Contracts.Missing;

/// <summary>
/// A return-home interview was completed (MIS-03). Carries structured findings as codes; free text
/// (<see cref="DisclosureSummary"/>) only where the recorded sharing basis allows it. Referrals opens a risk review
/// when any indicator or disclosure is present (REF-16).
/// </summary>
[MessageUrn("support:missing:return-interview-completed:v1")]
public sealed record ReturnInterviewCompleted
{
    public required Guid InterviewId { get; init; }
    public required Guid EpisodeId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required IReadOnlyList<RiskIndicator> Indicators { get; init; }
    public required bool DisclosureMade { get; init; }
    public string? DisclosureSummary { get; init; }
    /// <summary>Location codes or area names where the young person said they were.</summary>
    public required IReadOnlyList<string> Locations { get; init; }
    public required string SharingBasis { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
