using MassTransit;

namespace Support.Contracts.Cases;

/// <summary>
/// A manager supervised a case (REF-18, REC-06): the chronology shows when, by whom, in what role, and whether the
/// working hypothesis was challenged. The hypothesis and the discussion stay in Referrals.
/// </summary>
[MessageUrn("support:cases:case-supervision-recorded:v1")]
public sealed record CaseSupervisionRecorded
{
    public required Guid SupervisionId { get; init; }
    public required Guid CaseId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>When the supervision took place, as recorded (COM-09).</summary>
    public required DateTimeOffset SupervisedAt { get; init; }
    public required string Supervisor { get; init; }
    public required string SupervisorRole { get; init; }
    public required bool SocialWorkRegistered { get; init; }
    public required bool HypothesisChallenged { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
