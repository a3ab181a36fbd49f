using MassTransit;

namespace Support.Contracts.LeavingCare;

/// <summary>
/// A young person known to the platform turned 18 and their victim status and support continue (LC-02, THR-05).
/// No service closes anything because of this event.
/// </summary>
[MessageUrn("support:leaving-care:support-continued-past-18:v1")]
public sealed record SupportContinuedPast18
{
    public required Guid YoungPersonId { get; init; }
    public required DateOnly EighteenthBirthday { get; init; }
    public string? PersonalAdviser { get; init; }
    /// <summary>The date support may continue to (the 25th birthday, PersonalAdviserUntil).</summary>
    public required DateOnly SupportAvailableUntil { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
