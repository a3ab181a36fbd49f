using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// One key-worker allocation of a case (REF-24), append-only, or a vacancy (no key worker, REF-23). It is valid from
/// <see cref="ValidFrom"/> until the next allocation, which names this one in <see cref="PreviousAllocationId"/> and starts at the same instant, or until the
/// case closes. Unique indexes on (case, first allocation) and on the previous allocation make the chain linear in the
/// database itself: two people allocating at once cannot both succeed, so a case never has two key workers.
/// </summary>
public sealed class KeyWorkerAllocation
{
    private KeyWorkerAllocation() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    /// <summary>Null for a vacancy: the previous allocation ended with no successor (REF-23).</summary>
    public string? KeyWorker { get; private init; }
    /// <summary>Why a vacancy began (REF-23): the key worker left, went on leave, and so on.</summary>
    public string? EndReason { get; private init; }
    public DateTimeOffset ValidFrom { get; private init; }
    public Guid? PreviousAllocationId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    internal static KeyWorkerAllocation Start(Guid caseId, string keyWorker, Guid? previous, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        CaseId = caseId,
        KeyWorker = keyWorker,
        ValidFrom = author.At,
        PreviousAllocationId = previous,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };

    /// <summary>REF-23: the previous allocation ends with no successor; the vacancy is itself a link in the chain.</summary>
    internal static KeyWorkerAllocation Vacancy(Guid caseId, Guid previous, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        CaseId = caseId,
        KeyWorker = null,
        EndReason = reason,
        ValidFrom = author.At,
        PreviousAllocationId = previous,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
