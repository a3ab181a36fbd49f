using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Referrals;

/// <summary>
/// The front-door decision on a referral (REF-03, REF-04). Append-only: a decision is never overwritten. A correction
/// would be a new row whose <see cref="CorrectsId"/> points at this one (not offered through the API yet).
/// </summary>
public sealed class ReferralDecision
{
    private ReferralDecision() { }

    public Guid Id { get; private init; }
    public Guid ReferralId { get; private init; }
    public ReferralOutcome Outcome { get; private init; }
    public string Rationale { get; private init; } = "";
    public DateTimeOffset DecisionDueAt { get; private init; }
    /// <summary>Decided after the deadline (REF-04); the wait is measured, not hidden.</summary>
    public bool Late { get; private init; }
    public Guid? CorrectsId { get; private init; }
    public DateTimeOffset DecidedAt { get; private init; }
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";

    internal static ReferralDecision Create(Guid referralId, ReferralOutcome outcome, string rationale, DateTimeOffset dueAt, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ReferralId = referralId,
        Outcome = outcome,
        Rationale = rationale.Trim(),
        DecisionDueAt = dueAt,
        Late = author.At > dueAt,
        DecidedAt = author.At,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
    };
}

/// <summary>
/// A team manager's decision whether s47 enquiries are needed (REF-03). Append-only; a later decision supersedes the
/// earlier one (<see cref="SupersedesId"/>) and both stay in the history.
/// </summary>
public sealed class S47Decision
{
    private S47Decision() { }

    public Guid Id { get; private init; }
    public Guid ReferralId { get; private init; }
    public bool S47Required { get; private init; }
    public string Rationale { get; private init; } = "";
    public Guid? SupersedesId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    internal static S47Decision Create(Guid referralId, bool s47Required, string rationale, Guid? supersedes, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ReferralId = referralId,
        S47Required = s47Required,
        Rationale = rationale.Trim(),
        SupersedesId = supersedes,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}

public enum ReclassificationStatus
{
    /// <summary>Raising: took effect when asked for.</summary>
    Applied,
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A request to change a referral's CSE type and/or priority (REF-02): old value, new value, who, when and why.
/// Append-only; its approval or rejection is a separate append-only <see cref="ReclassificationResolution"/>.
/// </summary>
public sealed class Reclassification
{
    private ReclassificationResolution? _resolution;

    private Reclassification() { }

    public Guid Id { get; private init; }
    public Guid ReferralId { get; private init; }
    public CseType FromCseType { get; private init; }
    public CseType ToCseType { get; private init; }
    public ReferralPriority FromPriority { get; private init; }
    public ReferralPriority ToPriority { get; private init; }
    public string? Rationale { get; private init; }
    public bool RequiresApproval { get; private init; }
    public DateTimeOffset RequestedAt { get; private init; }
    public string RequestedBy { get; private init; } = "";
    public string RequestedByRole { get; private init; } = "";

    public ReclassificationResolution? Resolution => _resolution;

    public ReclassificationStatus Status => !RequiresApproval
        ? ReclassificationStatus.Applied
        : _resolution is null ? ReclassificationStatus.Pending
        : _resolution.Approved ? ReclassificationStatus.Approved : ReclassificationStatus.Rejected;

    internal static Reclassification Create(
        Guid referralId, CseType fromType, CseType toType, ReferralPriority fromPriority, ReferralPriority toPriority,
        string? rationale, bool requiresApproval, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ReferralId = referralId,
        FromCseType = fromType,
        ToCseType = toType,
        FromPriority = fromPriority,
        ToPriority = toPriority,
        Rationale = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim(),
        RequiresApproval = requiresApproval,
        RequestedAt = author.At,
        RequestedBy = author.UserId,
        RequestedByRole = author.Role,
    };

    internal ReclassificationResolution Resolve(bool approve, string? note, Author author) =>
        _resolution = ReclassificationResolution.Create(Id, approve, note, author);
}

/// <summary>A team manager's approval or rejection of a pending reclassification (REF-02). Append-only, one per request.</summary>
public sealed class ReclassificationResolution
{
    private ReclassificationResolution() { }

    public Guid Id { get; private init; }
    public Guid ReclassificationId { get; private init; }
    public bool Approved { get; private init; }
    public string? Note { get; private init; }
    public DateTimeOffset ResolvedAt { get; private init; }
    public string ResolvedBy { get; private init; } = "";
    public string ResolvedByRole { get; private init; } = "";

    internal static ReclassificationResolution Create(Guid reclassificationId, bool approved, string? note, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        ReclassificationId = reclassificationId,
        Approved = approved,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        ResolvedAt = author.At,
        ResolvedBy = author.UserId,
        ResolvedByRole = author.Role,
    };
}

/// <summary>The referral is not in a state that allows the change (endpoints answer 409, naming <see cref="Reason"/>).</summary>
public sealed class DomainConflictException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}

/// <summary>A well-formed value that breaks a rule (endpoints answer 422 naming <see cref="RuleViolation.Field"/>).</summary>
public sealed record RuleViolation(string Field, string Message);

public sealed class RuleViolationException(RuleViolation violation) : Exception(violation.Message)
{
    public RuleViolation Violation { get; } = violation;
}
