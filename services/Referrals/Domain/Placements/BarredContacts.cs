using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Placements;

/// <summary>
/// Someone the child must not have contact with (REF-27; Casey-M's foster carer let the perpetrator "accompany her on
/// holiday"). The list is shared with the current placement's carer. Append-only.
/// </summary>
public sealed class BarredPerson
{
    private BarredPerson() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Name { get; private init; } = "";
    /// <summary>How a carer would know them: age, appearance, car, nickname.</summary>
    public string Description { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public static BarredPerson Record(Guid youngPersonId, string name, string description, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Name = name.Trim(),
        Description = description.Trim(),
        Reason = reason.Trim(),
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}

/// <summary>
/// A carer's report that a listed person was in contact with the placed child (REF-27), which raises a critical incident
/// (REF-22) in the same transaction. Append-only.
/// </summary>
public sealed class BarredContactReport
{
    private BarredContactReport() { }

    public Guid Id { get; private init; }
    public Guid PlacementId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid BarredPersonId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public string Account { get; private init; } = "";
    public Guid CriticalIncidentId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static BarredContactReport Record(Placement placement, BarredPerson person, DateTimeOffset occurredAt, string account, Guid incidentId, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        PlacementId = placement.Id,
        YoungPersonId = placement.YoungPersonId,
        BarredPersonId = person.Id,
        OccurredAt = occurredAt.ToUniversalTime(),
        Account = account.Trim(),
        CriticalIncidentId = incidentId,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

/// <summary>
/// A manager's removal of someone from a child's must-not-have-contact list (REF-27), with the reason: the entry stays
/// on the record, no longer on the list the carer sees. One per entry; append-only.
/// </summary>
public sealed class BarredPersonRemoval
{
    private BarredPersonRemoval() { }

    public Guid BarredPersonId { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset RemovedAt { get; private init; }
    public string RemovedBy { get; private init; } = "";
    public string RemovedByRole { get; private init; } = "";

    public static BarredPersonRemoval Of(BarredPerson person, string reason, Author author) => new()
    {
        BarredPersonId = person.Id, Reason = reason.Trim(), RemovedAt = author.At, RemovedBy = author.UserId, RemovedByRole = author.Role,
    };
}
