using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Disclosure;

/// <summary>
/// Issue 16 item 4: the link between a young person's (or adult survivor's) own sign-in (the subject of their token)
/// and their record, recorded by a worker who verified who they are, and how. Only through it do the
/// <c>YoungPerson</c> and <c>Survivor</c> roles reach anything: their own requests and their own answered packs.
/// Ended, never deleted, with a reason (a shared phone, a lost account); one standing link per sign-in.
/// </summary>
public sealed class SignInIdentity
{
    private SignInIdentity() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Subject { get; private init; } = "";
    /// <summary>How the worker knew it was them (met in person with ID, known to them for years, ...).</summary>
    public string HowVerified { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedBy { get; private set; }
    public string? EndReason { get; private set; }

    public bool IsActive => EndedAt is null;

    public static SignInIdentity Link(Guid youngPersonId, string subject, string howVerified, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Subject = subject.Trim(),
        HowVerified = howVerified.Trim(),
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };

    public bool End(string reason, Author author)
    {
        if (!IsActive)
        {
            return false;
        }
        EndedAt = author.At;
        EndedBy = author.UserId;
        EndReason = reason.Trim();
        return true;
    }
}
