using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain;

public enum RiskReviewTrigger
{
    ReturnInterviewCompleted,
    RepeatMissing,
    OutreachConcern,
    Manual,
    /// <summary>THR-01: a therapy or CAMHS referral was declined.</summary>
    TherapyReferralDeclined,
    /// <summary>THR-08: a health indicator (pregnancy, STI, self-harm admission...) was recorded.</summary>
    HealthIndicator,
    /// <summary>LC-04: a care leaver was reported missing; the review is due within the configured hours (24).</summary>
    CareLeaverMissing,
}

public enum RiskReviewStatus
{
    Open,
    Completed,
}

/// <summary>
/// A review of a young person's risk, opened automatically by events from other services (REF-16) so nobody has to
/// remember: a return interview with findings, repeat missing episodes, an outreach concern. Its due date follows
/// Part I <c>RiskReviewDeadline</c>: 5 working days from the trigger, 1 if the trigger carries a VeryHigh indicator.
/// </summary>
public sealed class RiskReview
{
    public const int StandardWorkingDays = 5;
    public const int UrgentWorkingDays = 1;

    private RiskReview() { }

    public Guid Id { get; private init; }
    public Guid YoungPersonId { get; private init; }
    public RiskReviewTrigger Trigger { get; private init; }
    /// <summary>The id of what triggered it (an interview, a set of episodes); one review per trigger, however often it is delivered.</summary>
    public string TriggerReference { get; private init; } = "";
    public DateTimeOffset TriggeredAt { get; private init; }
    public List<RiskIndicator> Indicators { get; private init; } = [];
    public bool DisclosureMade { get; private init; }
    public bool Urgent { get; private init; }
    public DateTimeOffset DueAt { get; private init; }
    public RiskReviewStatus Status { get; private set; }
    public string? Owner { get; private set; }
    /// <summary>Why a review was opened by hand; automatic triggers say it with their trigger and reference.</summary>
    public string? Reason { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>When <c>RiskReviewOverdue</c> was staged; set once, so it is announced once.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == RiskReviewStatus.Open && now > DueAt;

    public void AssignOwner(string owner) => Owner = owner;

    public void MarkCompleted(DateTimeOffset at)
    {
        if (Status == RiskReviewStatus.Completed)
        {
            throw new InvalidOperationException("A risk review is completed once.");
        }
        Status = RiskReviewStatus.Completed;
        CompletedAt = at;
    }

    /// <summary>Marks the overdue announcement; false if the review is not overdue or was already announced.</summary>
    public bool MarkOverdueNotified(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueNotifiedAt is not null)
        {
            return false;
        }
        OverdueNotifiedAt = now;
        return true;
    }

    /// <summary>A review opened by hand (REF-16), with the reason; due by the same <c>RiskReviewDeadline</c>.</summary>
    public static RiskReview OpenManually(Guid youngPersonId, string reason, IReadOnlyCollection<RiskIndicator> indicators, int? ageNow, Author author)
    {
        var id = Guid.CreateVersion7(author.At);
        return Open(youngPersonId, RiskReviewTrigger.Manual, $"manual:{id}", author.At, indicators, false, ageNow, author, reason, id);
    }

    public static RiskReview Open(
        Guid youngPersonId, RiskReviewTrigger trigger, string triggerReference, DateTimeOffset triggeredAt,
        IReadOnlyCollection<RiskIndicator> indicators, bool disclosureMade, int? ageAtTrigger, Author author, string? reason = null, Guid? id = null,
        TimeSpan? dueWithin = null)
    {
        var urgent = CarriesVeryHighIndicator(indicators, disclosureMade, ageAtTrigger);
        return new RiskReview
        {
            Id = id ?? Guid.CreateVersion7(author.At),
            Reason = reason,
            YoungPersonId = youngPersonId,
            Trigger = trigger,
            TriggerReference = triggerReference,
            TriggeredAt = triggeredAt,
            Indicators = indicators.Distinct().Order().ToList(),
            DisclosureMade = disclosureMade,
            Urgent = urgent,
            // A trigger with its own elapsed limit (LC-04: 24 hours) is due by whichever comes first.
            DueAt = Earliest(WorkingDays.Add(triggeredAt, urgent ? UrgentWorkingDays : StandardWorkingDays), triggeredAt + dueWithin),
            Status = RiskReviewStatus.Open,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
        };
    }

    private static DateTimeOffset Earliest(DateTimeOffset byWorkingDays, DateTimeOffset? byElapsed) =>
        byElapsed is { } elapsed && elapsed < byWorkingDays ? elapsed.ToUniversalTime() : byWorkingDays;

    /// <summary>
    /// Part I <c>RiskReviewDeadline</c>: the trigger carries a <c>VeryHigh</c> indicator when the versioned risk rule
    /// table (REF-14) says so: injuries on return, threats, a disclosure, sexual-health indicators under 13 on the date
    /// of the event. One table decides, so reviews and assessments cannot disagree.
    /// </summary>
    public static bool CarriesVeryHighIndicator(IReadOnlyCollection<RiskIndicator> indicators, bool disclosureMade, int? ageAtTrigger) =>
        RiskRuleTable.Evaluate(new RiskFacts(indicators, ageAtTrigger, DisclosureOfAssault: disclosureMade)).SuggestedLevel == RiskLevel.VeryHigh;
}
