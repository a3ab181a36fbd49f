using MassTransit;

namespace Support.Contracts.Registry;

/// <summary>Which part of the <c>RecordRetention</c> parameter set how long a young person's records are kept.</summary>
public enum RetentionRule
{
    /// <summary>A looked-after child's records are kept until their 75th birthday.</summary>
    LookedAfter,
    /// <summary>Anyone else's until their 25th birthday plus 6 years.</summary>
    Other,
}

/// <summary>
/// REC-04 and <c>RecordRetention</c>: the retention period of a young person's records ended with no legal hold, and
/// Referrals' retention job left a tombstone. Every service removes what it holds about the young person and answers
/// with <see cref="YoungPersonRecordsErased"/>. No name or date of birth: the id is all a service needs.
/// </summary>
[MessageUrn("support:registry:retention-period-ended:v1")]
public sealed record RetentionPeriodEnded
{
    public required Guid TombstoneId { get; init; }
    public required Guid YoungPersonId { get; init; }
    public required RetentionRule Rule { get; init; }
    /// <summary>The last day the records were kept (the 75th birthday, or the 25th birthday plus 6 years), London date.</summary>
    public required DateOnly RetainUntil { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>One service removed a young person's records at the end of their retention period: what, by table, as a count.</summary>
[MessageUrn("support:registry:young-person-records-erased:v1")]
public sealed record YoungPersonRecordsErased
{
    public required Guid TombstoneId { get; init; }
    public required Guid YoungPersonId { get; init; }
    /// <summary>The service's database schema, which names it (<c>referrals</c>, <c>missing</c>, …).</summary>
    public required string Service { get; init; }
    /// <summary>Rows removed per table; empty when the service held nothing about them.</summary>
    public required IReadOnlyList<ErasedRows> RowsRemoved { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// The rows one table lost (<c>schema.table</c>); rows removed with them by their foreign keys are not counted.
/// </summary>
public sealed record ErasedRows
{
    public required string Table { get; init; }
    public required int Rows { get; init; }
}
