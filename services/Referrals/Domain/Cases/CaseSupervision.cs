using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.Cases;

/// <summary>
/// A supervision of a case (REF-18, REC-06). Imray §4.5: "I did not find any evidence in supervision records that ...
/// the testing of assessment hypotheses ever featured in any supervision discussion"; Imray §4.6: "the status of the
/// person giving supervision was not always clear". So an entry carries the working hypothesis, the alternatives
/// considered and whether the hypothesis was challenged, and the supervisor's user, role and social-work registration;
/// a supervisor who is not the team's manager on the day gives a reason. Append-only.
/// </summary>
public sealed class CaseSupervision
{
    private CaseSupervision() { }

    public Guid Id { get; private init; }
    public Guid CaseId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public string CurrentHypothesis { get; private init; } = "";
    public string AlternativesConsidered { get; private init; } = "";
    public bool HypothesisChallenged { get; private init; }
    public string Discussion { get; private init; } = "";
    public bool SocialWorkRegistered { get; private init; }
    /// <summary>Why someone other than the lead team's manager on the day gave the supervision (REC-06); null when it was them.</summary>
    public string? NotTeamManagerReason { get; private init; }
    /// <summary>The supervisor: the signed-in user who records it, never typed.</summary>
    public string Supervisor { get; private init; } = "";
    public string SupervisorRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }

    public static CaseSupervision Record(Case @case, DateTimeOffset occurredAt, string hypothesis, string alternatives, bool challenged,
        string discussion, bool socialWorkRegistered, string? notTeamManagerReason, Author author)
    {
        @case.EnsureOpen("record supervision on");
        return new CaseSupervision
        {
            Id = Guid.CreateVersion7(author.At), CaseId = @case.Id, YoungPersonId = @case.YoungPersonId, OccurredAt = occurredAt,
            CurrentHypothesis = hypothesis, AlternativesConsidered = alternatives, HypothesisChallenged = challenged, Discussion = discussion,
            SocialWorkRegistered = socialWorkRegistered, NotTeamManagerReason = notTeamManagerReason, Supervisor = author.UserId,
            SupervisorRole = author.Role, RecordedAt = author.At,
        };
    }
}
