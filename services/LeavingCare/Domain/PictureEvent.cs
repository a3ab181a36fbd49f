namespace Support.LeavingCare.Domain;

/// <summary>What another service told us about a young person (issue 5, point 1), kept as codes and short labels.</summary>
public static class PictureEventKinds
{
    public const string RiskLevelChanged = nameof(RiskLevelChanged);
    public const string RiskReviewOpened = nameof(RiskReviewOpened);
    public const string RiskReviewCompleted = nameof(RiskReviewCompleted);
    public const string ReferralDecided = nameof(ReferralDecided);
    public const string StrategyMeetingDecision = nameof(StrategyMeetingDecision);
    public const string StrategyAction = nameof(StrategyAction);
    public const string StrategyActionCompleted = nameof(StrategyActionCompleted);
    public const string MissingEpisodeReported = nameof(MissingEpisodeReported);
    /// <summary>The return that closes the episode with the same reference (LC-04: open or closed, learnt from events).</summary>
    public const string YoungPersonReturned = nameof(YoungPersonReturned);
    /// <summary>MIS-03, LC-01: adults a return-home interview named, proposed as persons of concern (one fact per interview).</summary>
    public const string PersonsOfConcernProposed = nameof(PersonsOfConcernProposed);
    public const string ReturnInterviewCompleted = nameof(ReturnInterviewCompleted);
    public const string OutreachConcernRaised = nameof(OutreachConcernRaised);
    /// <summary>LC-01, THR-05: therapy involvement: an accepted referral (an episode open), a decline, an episode's end.</summary>
    public const string TherapyReferralAccepted = nameof(TherapyReferralAccepted);
    public const string TherapyReferralDeclined = nameof(TherapyReferralDeclined);
    public const string TherapyEpisodeClosed = nameof(TherapyEpisodeClosed);
    /// <summary>LC-01, REF-26: a placement began (type, setting, start, reason, review date), or ended without a next one.</summary>
    public const string PlacementStarted = nameof(PlacementStarted);
    public const string PlacementEnded = nameof(PlacementEnded);
}

/// <summary>
/// One fact from another service's event, append-only (REC-01): the handover pack is read from these. A fact is
/// stored once per (young person, kind, reference), however often its event is delivered.
/// </summary>
public sealed class PictureEvent
{
    private PictureEvent() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public string Kind { get; private init; } = "";
    /// <summary>The other service's id for the thing (review, action, episode, concern...).</summary>
    public Guid ReferenceId { get; private init; }
    /// <summary>A code or short label (an outcome, a trigger, a level, an action's description).</summary>
    public string Label { get; private init; } = "";
    /// <summary>Who the other service named (an action's owner, the outreach worker who raised a concern).</summary>
    public string? Actor { get; private init; }
    public DateTimeOffset? DueAt { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    public static PictureEvent Of(Guid youngPersonId, string kind, Guid referenceId, string label, DateTimeOffset occurredAt, DateTimeOffset now,
        string? actor = null, DateTimeOffset? dueAt = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        YoungPersonId = youngPersonId,
        Kind = kind,
        ReferenceId = referenceId,
        Label = label.Length > 500 ? label[..500] : label,
        Actor = actor is { Length: > 200 } ? actor[..200] : actor,
        DueAt = dueAt,
        OccurredAt = occurredAt,
        RecordedAt = now,
    };
}
