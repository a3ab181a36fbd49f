using Support.Contracts.Referrals;
using Support.Referrals.Domain;
using Support.Referrals.Domain.S47;
using Support.ServiceDefaults.Auth;

namespace Support.Referrals.Tests;

/// <summary>REF-10, domain brief §4.2: the s47 pathway as a state machine, tested move by move.</summary>
public sealed class S47PathwayRulesTests
{
    private static readonly S47Options Options = new();
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero); // a Monday

    /// <summary>The pathway written out independently of the code under test (Imray §4.3).</summary>
    private static readonly (S47Stage From, S47Stage To)[] Legal =
    [
        (S47Stage.ReasonableCause, S47Stage.EnquiriesCommenced),
        (S47Stage.EnquiriesCommenced, S47Stage.StrategyMeetingHeld),
        (S47Stage.StrategyMeetingHeld, S47Stage.InvestigationAssessment),
        (S47Stage.InvestigationAssessment, S47Stage.ChildProtectionConferenceConsidered),
        (S47Stage.ChildProtectionConferenceConsidered, S47Stage.CpPlan),
        (S47Stage.ChildProtectionConferenceConsidered, S47Stage.ChildInNeedPlan),
        (S47Stage.ChildProtectionConferenceConsidered, S47Stage.NoFurtherAction),
    ];

    public static TheoryData<S47Stage, S47Stage> IllegalMoves()
    {
        var data = new TheoryData<S47Stage, S47Stage>();
        foreach (var from in Enum.GetValues<S47Stage>())
        {
            foreach (var to in Enum.GetValues<S47Stage>().Where(to => !Legal.Contains((from, to))))
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    public static TheoryData<S47Stage, S47Stage> LegalMoves()
    {
        var data = new TheoryData<S47Stage, S47Stage>();
        foreach (var (from, to) in Legal)
        {
            data.Add(from, to);
        }
        return data;
    }

    private static Author At(DateTimeOffset at) => new("sw-1", "SocialWorker", at);

    /// <summary>A pathway brought to <paramref name="stage"/> along the legal path, with a finalised meeting.</summary>
    private static S47Pathway PathwayAt(S47Stage stage)
    {
        var pathway = S47Pathway.Start(Guid.NewGuid(), null, Start, veryHigh: false, Options, At(Start));
        var path = new[] { S47Stage.EnquiriesCommenced, S47Stage.StrategyMeetingHeld, S47Stage.InvestigationAssessment, S47Stage.ChildProtectionConferenceConsidered };
        var at = Start;
        foreach (var next in path)
        {
            if (pathway.Stage == stage || S47StateMachine.IsOutcome(pathway.Stage))
            {
                break;
            }
            at = at.AddHours(1);
            pathway.MoveTo(next, null, finalisedStrategyMeeting: true, veryHighNow: false, Options, At(at));
        }
        if (pathway.Stage != stage)
        {
            pathway.MoveTo(stage, "rationale", true, false, Options, At(at.AddHours(1)));
        }
        Assert.Equal(stage, pathway.Stage);
        return pathway;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Every_move_off_the_pathway_is_a_conflict_naming_the_current_stage(S47Stage from, S47Stage to)
    {
        var pathway = PathwayAt(from);

        var conflict = Assert.Throws<DomainConflictException>(() => pathway.MoveTo(to, "rationale", true, false, Options, At(Start.AddDays(1))));

        Assert.Contains($"at {from}", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(from, pathway.Stage);
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Every_move_on_the_pathway_is_allowed_and_recorded(S47Stage from, S47Stage to)
    {
        var pathway = PathwayAt(from);
        var count = pathway.Transitions.Count;

        var transition = pathway.MoveTo(to, "rationale", true, false, Options, At(Start.AddDays(1)));

        Assert.Equal(to, pathway.Stage);
        Assert.Equal(from, transition.FromStage);
        Assert.Equal(count + 1, pathway.Transitions.Count);
    }

    [Fact]
    public void Investigation_without_a_finalised_strategy_meeting_is_a_conflict()
    {
        var pathway = PathwayAt(S47Stage.StrategyMeetingHeld);

        var conflict = Assert.Throws<DomainConflictException>(
            () => pathway.MoveTo(S47Stage.InvestigationAssessment, null, finalisedStrategyMeeting: false, false, Options, At(Start.AddDays(1))));

        Assert.Contains("strategy meeting cannot be skipped", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(S47Stage.StrategyMeetingHeld, pathway.Stage);
    }
}
