using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Assessments;

/// <summary>
/// An assessment of a young person (REF-17). Imray §4.5: "Many of the cases had no assessment on file at all, and where
/// there were assessments found they were generally of poor quality and consisted of a superficial record of events";
/// Child H's assessment had "no analysis" and "was unsigned". So one is opened by the s47 enquiry itself, its sections
/// are written as append-only <see cref="AssessmentEntry"/> versions, every involved worker is invited to contribute,
/// and it completes only when its author has signed the current version and a different person, a manager, has signed
/// it off. This row is the mutable current state (like an s47 pathway); everything written into it is kept beside it.
/// </summary>
public sealed class Assessment
{
    private Assessment() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public AssessmentKind Kind { get; private init; }
    /// <summary>The s47 pathway whose enquiry opened it; one assessment per pathway.</summary>
    public Guid? PathwayId { get; private init; }
    /// <summary><c>AssessmentDeadline</c>: 45 working days from the referral (the reasonable-cause decision), or from opening.</summary>
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset OpenedAt { get; private init; }
    public string OpenedBy { get; private init; } = "";
    public string OpenedByRole { get; private init; } = "";
    /// <summary>
    /// Goes up with every section version and every contribution or recorded non-reply. A signature covers the version
    /// it was given at, so nothing written after the author signed can be signed off unseen.
    /// </summary>
    public int Version { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignedOffBy { get; private set; }
    public string? SignedOffByRole { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Open past its deadline now, or completed after it.</summary>
    public bool IsOverdue(DateTimeOffset now) => (CompletedAt ?? now) > DueAt;

    public static Assessment Open(Guid youngPersonId, AssessmentKind kind, Guid? pathwayId, DateTimeOffset dueAt, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        YoungPersonId = youngPersonId,
        Kind = kind,
        PathwayId = pathwayId,
        DueAt = dueAt,
        OpenedAt = author.At,
        OpenedBy = author.UserId,
        OpenedByRole = author.Role,
    };

    /// <summary>A new version of one section; the latest version of each section is the one the assessment says.</summary>
    public AssessmentEntry Write(AssessmentSectionContent content, Author author)
    {
        EnsureOpen("written into");
        Version++;
        return AssessmentEntry.Record(this, content, author);
    }

    /// <summary>A worker's contribution, or the recorded fact that they did not reply, becomes part of what is signed.</summary>
    public void Contributed()
    {
        EnsureOpen("contributed to");
        Version++;
    }

    public AssessmentInvitation Invite(string worker, string workerRole, Guid? sharingRelationshipId, Author author)
    {
        EnsureOpen("have workers invited to");
        return AssessmentInvitation.Send(this, worker, workerRole, sharingRelationshipId, author);
    }

    /// <summary>
    /// The author signs what the assessment says now. <paramref name="missing"/> is what the brief's sections still lack
    /// (<see cref="AssessmentCompleteness"/>); any of it is a rule violation naming the section (422).
    /// </summary>
    public AssessmentSignature Sign(IReadOnlyList<RuleViolation> missing, Author author)
    {
        EnsureOpen("signed");
        if (missing.Count > 0)
        {
            throw new AssessmentIncompleteException(missing);
        }
        return AssessmentSignature.Record(this, author);
    }

    /// <summary>
    /// A manager signs it off, which completes it. The author's latest signature must cover the current version, and the
    /// manager cannot be the person who signed it (409 otherwise): Child H's assessment "was unsigned".
    /// </summary>
    public void SignOff(AssessmentSignature? latestSignature, Author manager)
    {
        EnsureOpen("signed off");
        if (latestSignature is null)
        {
            throw new DomainConflictException("The author has not signed this assessment: it is signed before a manager signs it off (REF-17).");
        }
        if (latestSignature.Version != Version)
        {
            throw new DomainConflictException(
                $"The assessment has changed since its author signed it (version {latestSignature.Version}, now {Version}): the author signs it again first.");
        }
        if (latestSignature.SignedBy == manager.UserId)
        {
            throw new DomainConflictException("You signed this assessment as its author: another manager signs it off (REF-17).");
        }
        CompletedAt = manager.At;
        SignedBy = latestSignature.SignedBy;
        SignedOffBy = manager.UserId;
        SignedOffByRole = manager.Role;
    }

    private void EnsureOpen(string action)
    {
        if (IsCompleted)
        {
            throw new DomainConflictException(
                $"This assessment was completed on {CompletedAt:yyyy-MM-dd} and cannot be {action}: a correction or an update is a new assessment.");
        }
    }
}

/// <summary>The brief's sections still missing when an author tries to sign (422, one error per section).</summary>
public sealed class AssessmentIncompleteException(IReadOnlyList<RuleViolation> missing)
    : Exception("The assessment is missing sections the brief requires (REF-17).")
{
    public IReadOnlyList<RuleViolation> Missing { get; } = missing;
}

/// <summary>The author's signature of one version of an assessment. Append-only: signing again after a change is a new row.</summary>
public sealed class AssessmentSignature
{
    private AssessmentSignature() { }

    public Guid Id { get; private init; }
    public Guid AssessmentId { get; private init; }
    public int Version { get; private init; }
    public DateTimeOffset SignedAt { get; private init; }
    public string SignedBy { get; private init; } = "";
    public string SignedByRole { get; private init; } = "";

    internal static AssessmentSignature Record(Assessment assessment, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        AssessmentId = assessment.Id,
        Version = assessment.Version,
        SignedAt = author.At,
        SignedBy = author.UserId,
        SignedByRole = author.Role,
    };
}
