using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// A young person's case: the current state of who leads it and who is its key worker. This row is the mutable
/// current-state projection; the history lives beside it in append-only tables (lead teams, key-worker allocations,
/// involved workers, transfers, closure), so "who held the case on date D" is always answerable (REF-24).
/// A closed case is never re-opened: a new case is opened instead (REF-25).
/// </summary>
public sealed class Case
{
    private Case() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The referral whose front-door decision opened the case; at most one case per referral.</summary>
    public Guid? ReferralId { get; private init; }
    public CaseStatus Status { get; private set; }
    /// <summary>Exactly one lead team at every moment (REF-06); changes only by an accepted, approved transfer.</summary>
    public string LeadTeam { get; private set; } = "";
    public string AllocationCriterion { get; private init; } = "";
    public string CriteriaVersion { get; private init; } = "";
    /// <summary>When the case was opened (the decision's time for an automatic opening).</summary>
    public DateTimeOffset OpenedAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string? KeyWorker { get; private set; }
    public DateTimeOffset? KeyWorkerSince { get; private set; }
    public Guid? CurrentAllocationId { get; private set; }
    /// <summary>REF-23: since when the open case has had no key worker (opened without one, or the allocation ended).</summary>
    public DateTimeOffset? UnallocatedSince { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Optimistic concurrency: two commands on the same case at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status == CaseStatus.Open;

    public static (Case Case, CaseLeadTeam LeadTeam) Open(
        Guid youngPersonId, Guid? referralId, string leadTeam, AllocationCriterion criterion, string criteriaVersion,
        DateTimeOffset openedAt, Author author)
    {
        var @case = new Case
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            ReferralId = referralId,
            Status = CaseStatus.Open,
            LeadTeam = leadTeam,
            AllocationCriterion = criterion.Code,
            CriteriaVersion = criteriaVersion,
            OpenedAt = openedAt,
            UnallocatedSince = openedAt,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
        };
        return (@case, CaseLeadTeam.Start(@case.Id, leadTeam, openedAt, criterion.Code, criteriaVersion, transferId: null, author));
    }

    /// <summary>
    /// REF-24: one key worker at a time. The new allocation starts at the instant the previous one ends (it points at
    /// it); a closed case refuses, naming its state.
    /// </summary>
    public KeyWorkerAllocation AssignKeyWorker(string keyWorker, Author author)
    {
        EnsureOpen("assign a key worker to");
        if (KeyWorker == keyWorker)
        {
            throw new CaseConflictException($"'{keyWorker}' is already the key worker of this case.");
        }
        var allocation = KeyWorkerAllocation.Start(Id, keyWorker, CurrentAllocationId, author);
        KeyWorker = keyWorker;
        KeyWorkerSince = allocation.ValidFrom;
        CurrentAllocationId = allocation.Id;
        UnallocatedSince = null;
        Version++;
        return allocation;
    }

    /// <summary>
    /// REF-23: the key worker stops holding the case and nobody takes over yet (they left, are off sick). The case is
    /// unallocated from now, on the list with its days counted, and a high-risk case escalates after 1 working day.
    /// </summary>
    public KeyWorkerAllocation EndKeyWorkerAllocation(string reason, Author author)
    {
        EnsureOpen("end the key-worker allocation of");
        if (KeyWorker is null || CurrentAllocationId is not { } current)
        {
            throw new CaseConflictException("The case has no key worker to end.");
        }
        var vacancy = KeyWorkerAllocation.Vacancy(Id, current, reason, author);
        KeyWorker = null;
        KeyWorkerSince = null;
        CurrentAllocationId = vacancy.Id;
        UnallocatedSince = author.At;
        Version++;
        return vacancy;
    }

    public InvolvedWorker AddInvolvedWorker(string worker, string role, Author author)
    {
        EnsureOpen("add an involved worker to");
        return InvolvedWorker.Record(Id, worker, role, author);
    }

    /// <summary>The lead team changes only when the transfer is both accepted and approved (REF-06, REF-25).</summary>
    public CaseLeadTeam CompleteTransfer(CaseTransfer transfer, Author author)
    {
        EnsureOpen("transfer");
        if (transfer.Status != CaseTransferStatus.Completed)
        {
            throw new CaseConflictException($"The transfer is {transfer.Status}; it moves the case only once accepted and approved.");
        }
        LeadTeam = transfer.ToTeam;
        Version++;
        return CaseLeadTeam.Start(Id, transfer.ToTeam, author.At, transfer.Criterion, transfer.CriteriaVersion, transfer.Id, author);
    }

    /// <summary>Closing ends the key worker's allocation at the same instant; the closure record carries the reasons.</summary>
    public void Close(DateTimeOffset at)
    {
        EnsureOpen("close");
        Status = CaseStatus.Closed;
        ClosedAt = at;
        Version++;
    }

    public void EnsureOpen(string action)
    {
        if (!IsOpen)
        {
            throw new CaseConflictException($"The case is {Status}: cannot {action} it. A closed case can only be re-opened as a new case.");
        }
    }
}
