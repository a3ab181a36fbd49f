namespace Support.ServiceDefaults.Audit;

/// <summary>
/// One read of a child's identifiable record (REC-08): who, with which roles, when (server time), through which
/// request. Append-only; lives in the database of the service that served the read.
/// </summary>
public sealed class AccessLogEntry
{
    public Guid Id { get; init; }
    public required string SubjectType { get; init; }
    public required Guid SubjectId { get; init; }
    /// <summary>What kind of read: the record itself, or appearing in a search result.</summary>
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public required string ActorRoles { get; init; }
    public required string Path { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? CorrelationId { get; init; }
    /// <summary>
    /// For a partner's read under the information-sharing protocol (REC-11): the relationship it was shared under,
    /// with the protocol's purpose and lawful basis. Null for the case team's reads. Together these rows are the
    /// young person's share ledger.
    /// </summary>
    public string? SharedUnder { get; init; }
    public string? Purpose { get; init; }
    public string? LawfulBasis { get; init; }
}
