using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>
/// REC-09, REC-10 (issue 16 item 3): an auditor made a disclosure pack of one young person's record in Referrals.
/// Every other service answers with <see cref="DisclosurePackContributed"/>: what it holds about them word for word,
/// which the chronology carries only as codes and summaries (free text stays in the service that recorded it until a
/// pack asks for it). No name or date of birth: the id is all a service needs.
/// </summary>
[MessageUrn("support:registry:disclosure-pack-requested:v1")]
public sealed record DisclosurePackRequested
{
    public required Guid PackId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>SubjectAccess, CaseReview or Audit: what the pack is for.</summary>
    public required string Purpose { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// One service's part of a disclosure pack (REC-10): every record it holds about the young person, as it stands, with
/// who recorded it and when (REC-01). Sent once per pack and service; an empty list says the service holds nothing.
/// </summary>
[MessageUrn("support:registry:disclosure-pack-contributed:v1")]
public sealed record DisclosurePackContributed
{
    public required Guid PackId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The service's database schema, which names it (<c>missing</c>, <c>outreach</c>, …).</summary>
    public required string Service { get; init; }
    public required IReadOnlyList<DisclosedRecord> Records { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// One record as a pack shows it: an id unique within the service (<c>return-interview:{id}</c>), the section it
/// belongs in (<c>own-words</c> or <c>service-records</c>), when it happened, its provenance, and its text fields by name.
/// </summary>
public sealed record DisclosedRecord
{
    public required string Id { get; init; }
    public required string Section { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public string? RecordedBy { get; init; }
    public string? RecordedByRole { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
    /// <summary>The fields that have a value, in the order the service shows them.</summary>
    public required IReadOnlyList<DisclosedField> Fields { get; init; }
}

public sealed record DisclosedField
{
    public required string Name { get; init; }
    public required string Value { get; init; }
}
