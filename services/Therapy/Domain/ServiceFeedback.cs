using Support.Contracts.Therapy;
using Support.ServiceDefaults.Auth;

namespace Support.Therapy.Domain;

/// <summary>
/// THR-07: when a young person gave their views: after an offer starts and when it ends (the moments the support line
/// asks), and, from the report's version 3, while they waited and after they were turned away (Casey: victims were
/// never asked about the services they did not get). Stored by name; add at the end, never rename.
/// </summary>
public enum FeedbackMoment
{
    /// <summary>After the first appointment: the offer has started.</summary>
    AfterStart,
    /// <summary>When the episode closed.</summary>
    AtEnd,
    /// <summary>While the referral was open and the young person not yet seen.</summary>
    WhileWaiting,
    /// <summary>After the referral was declined.</summary>
    AfterDecline,
}

/// <summary>How the young person gave their views (SL-07 <c>method</c>).</summary>
public enum FeedbackMethod
{
    Sms,
    InPerson,
    Phone,
    Paper,
    Online,
}

/// <summary>
/// THR-07: a young person's views of a therapy or CAMHS offer they received: a score from 1 to 5 for each of the fixed
/// questions they answered, and their own words if they gave any (SL-07). <see cref="WorkerMaySee"/> is whether they
/// agreed to this answer being seen by their worker; without it the answer counts only in the commissioner's
/// aggregates. Append-only: an answer is never changed, and one is recorded per referral and moment.
/// </summary>
public sealed class ServiceFeedback
{
    /// <summary>The fixed scale: 1 (not at all) to 5 (completely).</summary>
    public const int LowestScore = 1;
    public const int HighestScore = 5;
    public const int MaxWordsLength = 2000;

    /// <summary>The fixed questions, in the order the report shows them. Changing one is a new report version (COM-11).</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> Questions =
    [
        ("listenedTo", "I felt listened to and believed."),
        ("helped", "The support helped me."),
    ];

    private ServiceFeedback() { }

    public Guid Id { get; private init; }
    public Guid ReferralId { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public Guid OfferId { get; private init; }
    public OfferType OfferType { get; private init; }
    public FeedbackMoment Moment { get; private init; }
    /// <summary>When the young person gave it (event time, COM-09).</summary>
    public DateTimeOffset GivenAt { get; private init; }
    public FeedbackMethod Method { get; private init; }
    public int? ListenedTo { get; private init; }
    public int? Helped { get; private init; }
    /// <summary>Their own words, as they gave them (SL-07); never in any aggregate (COM-04).</summary>
    public string? Words { get; private init; }
    public bool WorkerMaySee { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByRole { get; private init; } = "";
    public DateTimeOffset RecordedAt { get; private init; }
    /// <summary>The version this one corrects; null for the answer as first recorded. The corrected version stays.</summary>
    public Guid? Corrects { get; private init; }
    public string? CorrectionReason { get; private init; }

    public int? Score(string question) => question switch
    {
        "listenedTo" => ListenedTo,
        "helped" => Helped,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Not one of the fixed questions."),
    };

    /// <summary>
    /// Why views cannot be recorded for this referral at this moment, as (field, problem), or null: "after the start"
    /// needs the first appointment, "at the end" a closed episode, "after a decline" a declined referral, and none can be
    /// given before that happened; "while waiting" must have been given after the referral was made and before the
    /// young person was seen or the referral ended (it may be recorded later).
    /// </summary>
    public static (string Field, string Problem)? CannotRecord(TherapyReferral referral, FeedbackMoment moment, DateTimeOffset givenAt) => moment switch
    {
        FeedbackMoment.AfterStart when referral.FirstAppointmentAt is null =>
            ("moment", "The offer has not started: views 'AfterStart' need the first appointment recorded (THR-07)."),
        FeedbackMoment.AfterStart when givenAt < referral.FirstAppointmentAt =>
            ("givenAt", "Views 'AfterStart' cannot be given before the first appointment."),
        FeedbackMoment.AtEnd when referral.EpisodeClosedAt is null =>
            ("moment", "The episode has not ended: views 'AtEnd' need the episode closed (THR-07)."),
        FeedbackMoment.AtEnd when givenAt < referral.EpisodeClosedAt =>
            ("givenAt", "Views 'AtEnd' cannot be given before the episode closed."),
        FeedbackMoment.WhileWaiting when givenAt < referral.ReferredAt =>
            ("givenAt", "Views 'WhileWaiting' cannot be given before the referral was made."),
        FeedbackMoment.WhileWaiting when givenAt >= referral.FirstAppointmentAt =>
            ("givenAt", "The young person had been seen by then: views given after the first appointment are 'AfterStart'."),
        FeedbackMoment.WhileWaiting when referral.Status is TherapyReferralStatus.Declined or TherapyReferralStatus.Withdrawn && givenAt >= referral.OutcomeAt =>
            ("givenAt", $"The referral had been {referral.Status.ToString().ToLowerInvariant()} by then, so the young person was no longer waiting."),
        FeedbackMoment.AfterDecline when referral.Status != TherapyReferralStatus.Declined =>
            ("moment", "The referral was not declined: views 'AfterDecline' need a declined referral (THR-07)."),
        FeedbackMoment.AfterDecline when givenAt < referral.OutcomeAt =>
            ("givenAt", "Views 'AfterDecline' cannot be given before the referral was declined."),
        _ => null,
    };

    public static ServiceFeedback Record(TherapyReferral referral, FeedbackMoment moment, DateTimeOffset givenAt, FeedbackMethod method, int? listenedTo,
        int? helped, string? words, bool workerMaySee, Author author)
    {
        if (CannotRecord(referral, moment, givenAt) is { } problem)
        {
            throw new InvalidOperationException(problem.Problem);
        }
        return new()
        {
            Id = Guid.CreateVersion7(author.At), ReferralId = referral.Id, YoungPersonId = referral.YoungPersonId, OfferId = referral.OfferId,
            OfferType = referral.OfferType, Moment = moment, GivenAt = givenAt, Method = method, ListenedTo = listenedTo, Helped = helped, Words = words,
            WorkerMaySee = workerMaySee, RecordedBy = author.UserId, RecordedByRole = author.Role, RecordedAt = author.At,
        };
    }

    /// <summary>
    /// A correction of this answer as recorded (a score mistyped, words taken down wrongly, the young person's choice
    /// about sharing misheard): a new version pointing at this one, with the reason. When and how the views were given
    /// stay as they were; this version is never changed (REC-01).
    /// </summary>
    public ServiceFeedback Correct(int? listenedTo, int? helped, string? words, bool workerMaySee, string reason, Author author) => new()
    {
        Id = Guid.CreateVersion7(author.At), ReferralId = ReferralId, YoungPersonId = YoungPersonId, OfferId = OfferId, OfferType = OfferType,
        Moment = Moment, GivenAt = GivenAt, Method = Method, ListenedTo = listenedTo, Helped = helped, Words = words, WorkerMaySee = workerMaySee,
        RecordedBy = author.UserId, RecordedByRole = author.Role, RecordedAt = author.At, Corrects = Id, CorrectionReason = reason,
    };

    /// <summary>
    /// THR-07: an individual answer is seen only by the young person's worker, and only if they agreed. "Their worker" is
    /// their key worker, or the worker who took the answer down (who heard it anyway). Nobody else, managers included,
    /// sees it; everyone else gets the aggregates.
    /// </summary>
    public bool VisibleTo(string userId, string? keyWorker) => WorkerMaySee && (userId == keyWorker || userId == RecordedBy);
}
