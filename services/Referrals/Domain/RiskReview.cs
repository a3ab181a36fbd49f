using Support.Contracts.Risk;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Domain;

public enum RiskReviewTrigger
{
    ReturnInterviewCompleted,
    RepeatMissing,
    OutreachConcern,
    Manual,
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
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    public bool IsOverdue(DateTimeOffset now) => Status == RiskReviewStatus.Open && now > DueAt;

    public static RiskReview Open(
        Guid youngPersonId, RiskReviewTrigger trigger, string triggerReference, DateTimeOffset triggeredAt,
        IReadOnlyCollection<RiskIndicator> indicators, bool disclosureMade, int? ageAtTrigger, Author author)
    {
        var urgent = CarriesVeryHighIndicator(indicators, ageAtTrigger);
        return new RiskReview
        {
            Id = Guid.CreateVersion7(author.At),
            YoungPersonId = youngPersonId,
            Trigger = trigger,
            TriggerReference = triggerReference,
            TriggeredAt = triggeredAt,
            Indicators = indicators.Distinct().Order().ToList(),
            DisclosureMade = disclosureMade,
            Urgent = urgent,
            DueAt = WorkingDays.Add(triggeredAt, urgent ? UrgentWorkingDays : StandardWorkingDays),
            Status = RiskReviewStatus.Open,
            RecordedAt = author.At,
            RecordedBy = author.UserId,
        };
    }

    /// <summary>
    /// Part I minimum rules for <c>VeryHigh</c>: injuries on return, threats to kill or injure, and any sexual-health
    /// indicator (pregnancy, termination, STI, sexual-health service) for a child under 13.
    /// </summary>
    public static bool CarriesVeryHighIndicator(IReadOnlyCollection<RiskIndicator> indicators, int? ageAtTrigger)
    {
        if (indicators.Contains(RiskIndicator.InjuriesOnReturn) || indicators.Contains(RiskIndicator.ThreatsReceived)
            || indicators.Contains(RiskIndicator.SexualHealthServiceUnder13))
        {
            return true;
        }
        var sexualHealth = indicators.Any(i => i is RiskIndicator.Pregnancy or RiskIndicator.TerminationOrMiscarriage or RiskIndicator.Sti);
        return sexualHealth && ageAtTrigger is < 13;
    }
}
