using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>A case was opened with one lead team (REF-06, REF-24).</summary>
[MessageUrn("support:referrals:case-opened:v1")]
public sealed record CaseOpened
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public Guid? ReferralId { get; init; }
    public required string LeadTeam { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
