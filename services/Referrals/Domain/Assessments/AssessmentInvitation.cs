using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Assessments;

/// <summary>
/// An invitation to a worker involved with the child to contribute to an assessment (REF-17: "contributions from every
/// involved worker, where an invitation is sent and the reply or non-reply is recorded"). Imray §4.5: Risky Business
/// workers' "more intimate knowledge and understanding of the young person" was not "actively used to inform the
/// assessment". Append-only; its answer is one <see cref="AssessmentInvitationReply"/>.
/// </summary>
public sealed class AssessmentInvitation
{
    private AssessmentInvitation() { }

    public Guid Id { get; private init; }
    public Guid AssessmentId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The invited worker's user id.</summary>
    public string Worker { get; private init; } = "";
    public string WorkerRole { get; private init; } = "";
    public DateTimeOffset InvitedAt { get; private init; }
    public string InvitedBy { get; private init; } = "";
    /// <summary>
    /// The information-sharing relationship that lets an invited partner outside the case team see the young person
    /// until they answer (REC-11); null for case-team workers, who need none.
    /// </summary>
    public Guid? SharingRelationshipId { get; private init; }

    internal static AssessmentInvitation Send(Assessment assessment, string worker, string workerRole, Guid? sharingRelationshipId, Author author) => new()
    {
        SharingRelationshipId = sharingRelationshipId,
        Id = Guid.CreateVersion7(author.At),
        AssessmentId = assessment.Id,
        YoungPersonId = assessment.YoungPersonId,
        Worker = worker,
        WorkerRole = workerRole,
        InvitedAt = author.At,
        InvitedBy = author.UserId,
    };
}

/// <summary>
/// The answer to an invitation, once: the worker's contribution in their own words, or the recorded fact that they did
/// not reply (by whom, and what was done to chase it). Either lets the assessment be signed; a silent gap does not.
/// </summary>
public sealed class AssessmentInvitationReply
{
    private AssessmentInvitationReply() { }

    public Guid InvitationId { get; private init; }
    public Guid AssessmentId { get; private init; }
    public bool Contributed { get; private init; }
    /// <summary>The contribution, or for a non-reply how the worker was chased.</summary>
    public string Text { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    public static AssessmentInvitationReply Contribution(AssessmentInvitation invitation, string text, Author author) =>
        Of(invitation, true, text, author);

    public static AssessmentInvitationReply NoReply(AssessmentInvitation invitation, string chased, Author author) =>
        Of(invitation, false, chased, author);

    private static AssessmentInvitationReply Of(AssessmentInvitation invitation, bool contributed, string text, Author author) => new()
    {
        InvitationId = invitation.Id,
        AssessmentId = invitation.AssessmentId,
        Contributed = contributed,
        Text = text.Trim(),
        RecordedAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
