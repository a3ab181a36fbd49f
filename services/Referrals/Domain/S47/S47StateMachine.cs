using Support.Contracts.Referrals;

namespace Support.Referrals.Domain.S47;

/// <summary>
/// REF-10, domain brief §4.2 (Imray §4.3): "reasonable cause to suspect significant harm > enquiries commence >
/// strategy meeting > investigation/assessment > child protection conference considered > CP plan or children in
/// need plan or no further action". Only these moves exist; nothing can be skipped, nothing goes back, and an
/// outcome is final.
/// </summary>
public static class S47StateMachine
{
    private static readonly Dictionary<S47Stage, S47Stage[]> Next = new()
    {
        [S47Stage.ReasonableCause] = [S47Stage.EnquiriesCommenced],
        [S47Stage.EnquiriesCommenced] = [S47Stage.StrategyMeetingHeld],
        [S47Stage.StrategyMeetingHeld] = [S47Stage.InvestigationAssessment],
        [S47Stage.InvestigationAssessment] = [S47Stage.ChildProtectionConferenceConsidered],
        [S47Stage.ChildProtectionConferenceConsidered] = [S47Stage.CpPlan, S47Stage.ChildInNeedPlan, S47Stage.NoFurtherAction],
        [S47Stage.CpPlan] = [],
        [S47Stage.ChildInNeedPlan] = [],
        [S47Stage.NoFurtherAction] = [],
    };

    public static IReadOnlyList<S47Stage> AllowedFrom(S47Stage stage) => Next[stage];

    public static bool CanMove(S47Stage from, S47Stage to) => Next[from].Contains(to);

    public static bool IsOutcome(S47Stage stage) => Next[stage].Length == 0;
}
