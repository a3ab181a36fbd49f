using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// A proposed person-of-concern link (from an outreach item or a number reported to the support line) was confirmed
/// or rejected in Referrals (INT-02: a human confirms). Goes back to the service that proposed it, so the worker sees
/// the outcome. Ids and counts only: the value stays in Referrals and in the proposing service.
/// </summary>
[MessageUrn("support:referrals:person-of-concern-link-decided:v1")]
public sealed record PersonOfConcernLinkDecided
{
    public required Guid ProposalId { get; init; }
    /// <summary>The service that proposed it: <c>outreach</c> or <c>supportline</c>.</summary>
    public required string Source { get; init; }
    public Guid? SourceReference { get; init; }
    public required string LinkKind { get; init; }
    public required bool Confirmed { get; init; }
    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; init; }
    /// <summary>How many young people the confirmed link joins (this one included); 0 when rejected.</summary>
    public required int LinkedYoungPeople { get; init; }
    /// <summary>The REF-13 network the link belongs to, when it flagged organised or multiple abuse.</summary>
    public Guid? OrganisedAbuseNetworkId { get; init; }
    /// <summary>Set when the confirmation created a licensing notification task (INT-05).</summary>
    public Guid? LicensingNotificationId { get; init; }
    public required string DecidedBy { get; init; }
    public required string DecidedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
