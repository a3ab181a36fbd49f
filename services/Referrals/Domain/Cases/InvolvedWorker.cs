using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// A worker involved in a case who is not its key worker, with their role (REF-24: "key worker involvement" is held by
/// one person; everyone else is recorded as involved). Append-only.
/// </summary>
public sealed class InvolvedWorker
{
    private InvolvedWorker() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public string Worker { get; private init; } = "";
    public string Role { get; private init; } = "";
    public DateTimeOffset From { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    internal static InvolvedWorker Record(Guid caseId, string worker, string role, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        CaseId = caseId,
        Worker = worker,
        Role = role,
        From = author.At,
        RecordedAt = author.At,
        RecordedBy = author.UserId,
    };
}
