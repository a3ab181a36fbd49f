using MassTransit;

namespace Support.Contracts.Referrals;

/// <summary>
/// Two or more young people are linked to the same alleged perpetrator, nickname, vehicle, phone or address (REF-13).
/// Goes to the senior-manager queue. The link value itself stays in Referrals.
/// </summary>
[MessageUrn("support:referrals:organised-abuse-suspected:v1")]
public sealed record OrganisedAbuseSuspected
{
    public required Guid NetworkId { get; init; }
    /// <summary>What links them: <c>Person</c>, <c>Nickname</c>, <c>Vehicle</c>, <c>Phone</c> or <c>Address</c>.</summary>
    public required string LinkKind { get; init; }
    public required IReadOnlyList<Guid> YoungPersonIds { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
