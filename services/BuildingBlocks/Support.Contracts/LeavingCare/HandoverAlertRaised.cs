using MassTransit;

namespace Support.Contracts.LeavingCare;

/// <summary>A handover alert was raised ahead of the 18th birthday (LC-01). Created exactly once per kind and person.</summary>
[MessageUrn("support:leaving-care:handover-alert-raised:v1")]
public sealed record HandoverAlertRaised
{
    public required Guid AlertId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary><c>Handover</c> (90 days) or <c>Escalated</c> (30 days, no adviser).</summary>
    public required string Kind { get; init; }
    public required DateOnly EighteenthBirthday { get; init; }
    /// <summary>The adviser's user id, or null when the alert went to the team queue or a manager.</summary>
    public string? Recipient { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
