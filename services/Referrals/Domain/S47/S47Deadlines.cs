using Support.Contracts.Referrals;
using Support.ServiceDefaults.Time;

namespace Support.Referrals.Domain.S47;

/// <summary>
/// Each state's deadline: the instant by which the pathway must have left it (REF-10, Part I).
/// <list type="bullet">
/// <item><c>ReasonableCause</c>, <c>EnquiriesCommenced</c>: <c>StrategyDiscussionDeadline</c>, 1 working day from the
/// reasonable-cause decision, or 4 calendar hours when the young person's current risk is <c>VeryHigh</c>, which no
/// weekend or bank holiday moves later (REF-28).</item>
/// <item><c>StrategyMeetingHeld</c>, <c>InvestigationAssessment</c>: <c>InitialCpConferenceDeadline</c>, 15 working days
/// from the strategy discussion, by when a conference must have been considered.</item>
/// <item><c>ChildProtectionConferenceConsidered</c>: <c>AssessmentDeadline</c>, 45 working days from the referral
/// (the reasonable-cause decision), by when the outcome is decided.</item>
/// <item>Outcomes have no deadline.</item>
/// </list>
/// </summary>
public static class S47Deadlines
{
    public static DateTimeOffset StrategyDiscussionDue(DateTimeOffset reasonableCauseAt, bool veryHigh, S47Options options) =>
        veryHigh
            ? reasonableCauseAt.AddHours(options.StrategyDiscussionVeryHighHours)
            : WorkingDays.Add(reasonableCauseAt, options.StrategyDiscussionWorkingDays);

    public static DateTimeOffset? DueAt(
        S47Stage stage, DateTimeOffset reasonableCauseAt, bool veryHigh, DateTimeOffset? strategyDiscussionAt, S47Options options) =>
        stage switch
        {
            S47Stage.ReasonableCause or S47Stage.EnquiriesCommenced => StrategyDiscussionDue(reasonableCauseAt, veryHigh, options),
            S47Stage.StrategyMeetingHeld or S47Stage.InvestigationAssessment when strategyDiscussionAt is { } held =>
                WorkingDays.Add(held, options.InitialCpConferenceWorkingDays),
            S47Stage.ChildProtectionConferenceConsidered => WorkingDays.Add(reasonableCauseAt, options.AssessmentWorkingDays),
            _ => null,
        };
}
