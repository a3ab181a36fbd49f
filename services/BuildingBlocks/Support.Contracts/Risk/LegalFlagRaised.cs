using MassTransit;

namespace Support.Contracts.Risk;

/// <summary>A legal age flag was set on a young person's record; a manager task was created (REF-07).</summary>
[MessageUrn("support:referrals:legal-flag-raised:v1")]
public sealed record LegalFlagRaised
{
    public required Guid YoungPersonId { get; init; }
    public required Guid SourceId { get; init; }
    public required LegalFlag Flag { get; init; }
    /// <summary>The child's age in whole years on the date of the event.</summary>
    public required int AgeOnEventDate { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
