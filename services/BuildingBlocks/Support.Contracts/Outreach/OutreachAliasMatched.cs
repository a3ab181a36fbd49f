using MassTransit;

namespace Support.Contracts.Outreach;

/// <summary>
/// A worker confirmed that a young person known to outreach only by an alias is a registered young person (OUT-02).
/// The alias stays on record and searchable; its contacts follow as <see cref="OutreachContactRecorded"/> with the
/// alias id set. No alias text travels: the name stays in the Outreach service.
/// </summary>
[MessageUrn("support:outreach:outreach-alias-matched:v1")]
public sealed record OutreachAliasMatched
{
    public required Guid AliasId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required int ContactCount { get; init; }
    public required string MatchedBy { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
