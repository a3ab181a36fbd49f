using Support.Contracts.Referrals;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain.S47;

/// <summary>
/// One young person's s47 pathway (REF-10): where it stands now and by when it must move on. This row is the mutable
/// current state; every move is kept in the append-only <see cref="S47StageTransition"/> history beside it.
/// </summary>
public sealed class S47Pathway
{
    private readonly List<S47StageTransition> _transitions = [];

    private S47Pathway() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    /// <summary>The referral whose decision started it; one pathway per referral, however often the decision is delivered.</summary>
    public Guid? ReferralId { get; private init; }
    /// <summary>When the decision that there is reasonable cause to suspect significant harm was made.</summary>
    public DateTimeOffset ReasonableCauseAt { get; private init; }
    /// <summary>The young person's current risk was <c>VeryHigh</c> when the pathway started or moved (REF-28).</summary>
    public bool VeryHigh { get; private set; }
    public S47Stage Stage { get; private set; }
    public DateTimeOffset StageEnteredAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>When the pathway reached <c>StrategyMeetingHeld</c>: the start of <c>InitialCpConferenceDeadline</c>.</summary>
    public DateTimeOffset? StrategyDiscussionAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public IReadOnlyList<S47StageTransition> Transitions => _transitions;

    /// <summary>The stage deadline last announced as missed (<c>S47StageOverdue</c>): each deadline is announced once.</summary>
    public DateTimeOffset? OverdueNotifiedDueAt { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && now > due;

    /// <summary>Marks the current stage's missed deadline as announced; false if it is not missed or already announced.</summary>
    public bool MarkOverdueNotified(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueNotifiedDueAt == DueAt)
        {
            return false;
        }
        OverdueNotifiedDueAt = DueAt;
        return true;
    }

    public static S47Pathway Start(Guid youngPersonId, Guid? referralId, DateTimeOffset reasonableCauseAt, bool veryHigh, S47Options options, Author author)
    {
        // Stored in UTC whatever offset the decision was sent with (Part I).
        reasonableCauseAt = reasonableCauseAt.ToUniversalTime();
        var pathway = new S47Pathway
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            ReferralId = referralId,
            ReasonableCauseAt = reasonableCauseAt,
            VeryHigh = veryHigh,
            Stage = S47Stage.ReasonableCause,
            StageEnteredAt = reasonableCauseAt,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
        };
        pathway.DueAt = S47Deadlines.DueAt(S47Stage.ReasonableCause, reasonableCauseAt, veryHigh, null, options);
        pathway._transitions.Add(S47StageTransition.Record(pathway, null, null, author));
        return pathway;
    }

    /// <summary>
    /// Moves the pathway on. Throws <see cref="DomainConflictException"/> naming the current state when the move is not
    /// on the pathway (409), or when investigation would start without a finalised strategy meeting (REF-10).
    /// <paramref name="veryHighNow"/> is the current risk: a rise to <c>VeryHigh</c> brings the strategy deadline forward.
    /// </summary>
    public S47StageTransition MoveTo(S47Stage to, string? rationale, bool finalisedStrategyMeeting, bool veryHighNow, S47Options options, Author author)
    {
        if (!S47StateMachine.CanMove(Stage, to))
        {
            var allowed = S47StateMachine.AllowedFrom(Stage);
            throw new DomainConflictException(allowed.Count == 0
                ? $"The pathway is at {Stage}, an outcome; it cannot move to {to}."
                : $"The pathway is at {Stage}; it can move only to {string.Join(" or ", allowed)}, not {to}.");
        }
        if (to == S47Stage.InvestigationAssessment && !finalisedStrategyMeeting)
        {
            throw new DomainConflictException(
                $"The pathway is at {Stage} but no finalised strategy meeting about this young person is linked to it: the strategy meeting cannot be skipped (REF-10).");
        }
        var from = Stage;
        VeryHigh |= veryHighNow;
        Stage = to;
        StageEnteredAt = author.At;
        if (to == S47Stage.StrategyMeetingHeld)
        {
            StrategyDiscussionAt = author.At;
        }
        DueAt = S47Deadlines.DueAt(to, ReasonableCauseAt, VeryHigh, StrategyDiscussionAt, options);
        var transition = S47StageTransition.Record(this, from, rationale, author);
        _transitions.Add(transition);
        return transition;
    }
}

/// <summary>One move of an s47 pathway, append-only: who moved it, when, why, and the new stage's deadline.</summary>
public sealed class S47StageTransition
{
    private S47StageTransition() { }

    public Guid Id { get; private init; }
    public Guid PathwayId { get; private init; }
    /// <summary>1 for the start, then one more per move; unique per pathway, so two concurrent moves cannot both land.</summary>
    public int Sequence { get; private init; }
    public S47Stage? FromStage { get; private init; }
    public S47Stage ToStage { get; private init; }
    public string? Rationale { get; private init; }
    public DateTimeOffset? DueAt { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";

    internal static S47StageTransition Record(S47Pathway pathway, S47Stage? from, string? rationale, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At),
        PathwayId = pathway.Id,
        Sequence = pathway.Transitions.Count + 1,
        FromStage = from,
        ToStage = pathway.Stage,
        Rationale = rationale,
        DueAt = pathway.DueAt,
        OccurredAt = author.At,
        RecordedBy = author.UserId,
        RecordedByRole = author.Role,
    };
}
