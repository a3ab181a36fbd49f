using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// One key-worker allocation of a case (REF-24), append-only. It is valid from <see cref="ValidFrom"/> until the next
/// allocation, which names this one in <see cref="PreviousAllocationId"/> and starts at the same instant, or until the
/// case closes. Unique indexes on (case, first allocation) and on the previous allocation make the chain linear in the
/// database itself: two people allocating at once cannot both succeed, so a case never has two key workers.
/// </summary>
public sealed class KeyWorkerAllocation
{
    private KeyWorkerAllocation() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public string KeyWorker { get; private init; } = "";
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
}
