using MassTransit;

namespace Support.Contracts.UnmetNeeds;

/// <summary>
/// A need was recorded as unmet where the failure happened (COM-05): adult services refusing a care leaver (LC-06),
/// a CAMHS or therapy referral declined (THR-01), a wait past the breach line (THR-02). The Therapy service keeps the
/// platform's one ledger of these; commissioners see them only as suppressed counts.
/// <para>
/// First published by LeavingCare, so the URN and the exchange keep their original <c>leaving-care</c> names
/// (<see cref="EntityNameAttribute"/>): moving the type to this neutral namespace changed nothing a queue can see.
/// </para>
/// </summary>
[MessageUrn("support:leaving-care:unmet-need-recorded:v1")]
[EntityName("Support.Contracts.LeavingCare:UnmetNeedRecorded")]
public sealed record UnmetNeedRecorded
{
    public required Guid UnmetNeedId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>A need category code such as <c>AdultMentalHealth</c>, <c>Accommodation</c> or <c>Therapy</c>.</summary>
    public required string NeedCategory { get; init; }
    public required UnmetNeedReason Reason { get; init; }
    /// <summary>The service that recorded it, such as <c>leaving-care</c> or <c>therapy</c>.</summary>
    public required string RecordedByService { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The London date since which the need has gone unmet (a refusal's date); absent means the date of <see cref="OccurredAt"/>.</summary>
    public DateOnly? Since { get; init; }
}
