using MassTransit;

namespace Support.Contracts.LeavingCare;

/// <summary>
/// A need was recorded as unmet where the failure happened (COM-05, LC-06): for example adult services refusing a
/// care leaver. Commissioners see these only as suppressed counts.
/// </summary>
[MessageUrn("support:leaving-care:unmet-need-recorded:v1")]
public sealed record UnmetNeedRecorded
{
    public required Guid UnmetNeedId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>A need category code such as <c>AdultMentalHealth</c>, <c>Accommodation</c> or <c>Therapy</c>.</summary>
    public required string NeedCategory { get; init; }
    public required UnmetNeedReason Reason { get; init; }
    /// <summary>The service that recorded it, such as <c>leaving-care</c>.</summary>
    public required string RecordedByService { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
