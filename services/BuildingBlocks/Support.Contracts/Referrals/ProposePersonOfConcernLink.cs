using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// Command to Referrals: an outreach information item names a person, nickname, vehicle, phone or address in
/// connection with a young person (OUT-03, INT-01, INT-02). Referrals holds the one register of these links (REF-13);
/// the proposal waits there until a person confirms or rejects it, and the decision comes back as
/// <see cref="PersonOfConcernLinkDecided"/>. <see cref="ProposalId"/> is the idempotency key (Outreach uses the
/// mention's id), so a redelivered or re-sent command is one proposal. Sent to one queue, never fanned out: it
/// carries the value as written.
/// </summary>
[MessageUrn("support:referrals:propose-person-of-concern-link:v1")]
public sealed record ProposePersonOfConcernLink
{
    public required Guid ProposalId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary><c>Person</c>, <c>Nickname</c>, <c>Vehicle</c>, <c>Phone</c> or <c>Address</c>.</summary>
    public required string LinkKind { get; init; }
    /// <summary>As the worker wrote it; Referrals normalises it.</summary>
    public required string Value { get; init; }
    /// <summary>The service that proposes it: <c>outreach</c>.</summary>
    public required string Source { get; init; }
    /// <summary>The record behind it in that service (the information item).</summary>
    public required Guid SourceReference { get; init; }
    public required string ProposedBy { get; init; }
    public required string ProposedByRole { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
