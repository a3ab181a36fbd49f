using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// INT-05: a confirmed person-of-concern link involves a licensed driver, a licensed operator or licensed premises, so
/// the licensing authority must be told. A task now waits in the police-liaison inbox in Referrals, which records what
/// was sent, to whom and when. Taxis and takeaways are never excluded as a category. Codes and ids only.
/// </summary>
[MessageUrn("support:referrals:licensing-notification-required:v1")]
public sealed record LicensingNotificationRequired
{
    public required Guid NotificationId { get; init; }
    /// <summary><c>LicensedDriver</c>, <c>LicensedOperator</c> or <c>LicensedPremises</c>.</summary>
    public required string Licensing { get; init; }
    /// <summary>What the link is to: <c>Person</c>, <c>Nickname</c>, <c>Vehicle</c>, <c>Phone</c> or <c>Address</c>.</summary>
    public required string LinkKind { get; init; }
    public required Guid ProposalId { get; init; }
    public Guid? OrganisedAbuseNetworkId { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
