using MassTransit;

namespace Support.Contracts.SupportLine;

/// <summary>
/// A worker marked a young person's text as their views, in their own words (SL-07): the Referrals chronology and the
/// LeavingCare handover pack quote it with its date.
/// </summary>
[MessageUrn("support:supportline:young-person-views-recorded:v1")]
public sealed record YoungPersonViewsRecorded
{
    public required Guid ViewsId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The text, word for word.</summary>
    public required string Words { get; init; }
    /// <summary>When the young person sent it.</summary>
    public required DateTimeOffset SaidAt { get; init; }
    public required string Method { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
