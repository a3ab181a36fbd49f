using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>
/// A case was closed with a summary and a manager's rationale after every open item had a decision (REF-25). Other
/// services must not treat this as an end of support by age (LC-02).
/// </summary>
[MessageUrn("support:referrals:case-closed:v1")]
public sealed record CaseClosed
{
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required string ApprovedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
