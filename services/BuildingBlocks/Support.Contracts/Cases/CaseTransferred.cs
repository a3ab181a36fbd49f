using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>A case's lead team changed after an accepted, manager-approved transfer (REF-06, REF-25).</summary>
[MessageUrn("support:referrals:case-transferred:v1")]
public sealed record CaseTransferred
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string FromTeam { get; init; }
    public required string ToTeam { get; init; }
    public required string ApprovedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
