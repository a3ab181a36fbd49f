using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

public enum CaseTransferStatus
{
    /// <summary>Neither accepted by the receiving team nor approved by a manager yet.</summary>
    Requested,
    /// <summary>The receiving team accepted; a manager's approval with a rationale is still needed.</summary>
    AwaitingApproval,
    /// <summary>A manager approved; the receiving team has not accepted, so the current team stays responsible (REF-06).</summary>
    AwaitingAcceptance,
    /// <summary>Accepted and approved: the receiving team leads the case.</summary>
    Completed,
    /// <summary>The receiving team declined: the case stays where it was.</summary>
    Declined,
}

public enum CaseTransferDecisionKind
{
    Accepted,
    Declined,
    Approved,
}

/// <summary>
/// A request to move a case's lead to another team, with a transfer summary (REF-25: there were "few if any case
/// transfer or closure summaries"). The request and each decision on it are append-only rows; the status follows from
/// the decisions. Until the receiving team accepts, the current team stays responsible (REF-06: "a debate between teams
/// about where the lead responsibility should lie" must never leave a child with nobody).
/// </summary>
public sealed class CaseTransfer
{
    private readonly List<CaseTransferDecision> _decisions = [];

    private CaseTransfer() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public string FromTeam { get; private init; } = "";
    public string ToTeam { get; private init; } = "";
    public string Summary { get; private init; } = "";
    public string Criterion { get; private init; } = "";
    public string CriteriaVersion { get; private init; } = "";
    public DateTimeOffset RequestedAt { get; private init; }
    public string RequestedBy { get; private init; } = "";

    public IReadOnlyList<CaseTransferDecision> Decisions => _decisions;

    public CaseTransferDecision? Decision(CaseTransferDecisionKind kind) => _decisions.FirstOrDefault(d => d.Kind == kind);

    public CaseTransferStatus Status
    {
        get
        {
            if (Decision(CaseTransferDecisionKind.Declined) is not null)
            {
                return CaseTransferStatus.Declined;
            }
            var accepted = Decision(CaseTransferDecisionKind.Accepted) is not null;
            var approved = Decision(CaseTransferDecisionKind.Approved) is not null;
            return (accepted, approved) switch
            {
                (true, true) => CaseTransferStatus.Completed,
                (true, false) => CaseTransferStatus.AwaitingApproval,
                (false, true) => CaseTransferStatus.AwaitingAcceptance,
                _ => CaseTransferStatus.Requested,
            };
        }
    }

    public bool IsPending => Status is CaseTransferStatus.Requested or CaseTransferStatus.AwaitingApproval or CaseTransferStatus.AwaitingAcceptance;

    public static CaseTransfer Request(Case @case, string toTeam, string summary, AllocationCriterion criterion, string criteriaVersion, Author author)
    {
        @case.EnsureOpen("transfer");
        if (@case.LeadTeam == toTeam)
        {
            throw new CaseConflictException($"The case is already led by team '{toTeam}'.");
        }
        return new CaseTransfer
        {
            Id = Guid.CreateVersion7(author.At),
            CaseId = @case.Id,
            FromTeam = @case.LeadTeam,
            ToTeam = toTeam,
            Summary = summary,
            Criterion = criterion.Code,
            CriteriaVersion = criteriaVersion,
            RequestedAt = author.At,
            RequestedBy = author.UserId,
        };
    }

    public CaseTransferDecision Decide(CaseTransferDecisionKind kind, string? rationale, Author author)
    {
        if (!IsPending)
        {
            throw new CaseConflictException($"The transfer is {Status}: no further decision can be recorded.");
        }
        if (Decision(kind) is not null)
        {
            throw new CaseConflictException($"The transfer was already {kind.ToString().ToLowerInvariant()}.");
        }
        if (kind == CaseTransferDecisionKind.Declined && Decision(CaseTransferDecisionKind.Accepted) is not null)
        {
            throw new CaseConflictException("The receiving team already accepted the transfer.");
        }
        var decision = CaseTransferDecision.Create(Id, kind, rationale, author);
        _decisions.Add(decision);
        return decision;
    }
}

/// <summary>An acceptance, a refusal or a manager's approval of a transfer, signed and dated. Append-only.</summary>
public sealed class CaseTransferDecision
{
    private CaseTransferDecision() { }

    public Guid Id { get; private init; }
    public Guid TransferId { get; private init; }
    public CaseTransferDecisionKind Kind { get; private init; }
    public string? Rationale { get; private init; }
    public DateTimeOffset DecidedAt { get; private init; }
    public string DecidedBy { get; private init; } = "";
    public string DecidedByRole { get; private init; } = "";

    internal static CaseTransferDecision Create(Guid transferId, CaseTransferDecisionKind kind, string? rationale, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        TransferId = transferId,
        Kind = kind,
        Rationale = rationale,
        DecidedAt = author.At,
        DecidedBy = author.UserId,
        DecidedByRole = author.Role,
    };
}
