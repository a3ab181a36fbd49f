using Support.Contracts.Risk;
using Support.Referrals.Domain.Risk;

namespace Support.Referrals.Tests;

public sealed class RiskRuleTableTests
{
    private static RiskRuleResult Evaluate(int? age, params RiskIndicator[] indicators) => RiskRuleTable.Evaluate(new RiskFacts(indicators, age));

    [Fact]
    public void No_indicators_is_low_and_names_the_rule_table_version()
    {
        var result = Evaluate(15);
        Assert.Equal(RiskLevel.Low, result.SuggestedLevel);
        Assert.Empty(result.Matches);
        Assert.Equal(RiskRuleTable.Version, result.Version);
        Assert.False(result.ReasonableCause);
    }

    [Theory]
    [InlineData(12, RiskLevel.VeryHigh)]
    [InlineData(13, RiskLevel.High)]
    [InlineData(15, RiskLevel.High)]
    [InlineData(16, RiskLevel.Low)]
    public void Pregnancy_is_very_high_under_13_high_under_16_and_not_raised_by_age_alone_from_16(int age, RiskLevel expected)
    {
        var result = Evaluate(age, RiskIndicator.Pregnancy);
        Assert.Equal(expected, result.SuggestedLevel);
        if (expected != RiskLevel.Low)
        {
            Assert.Equal([RiskIndicator.Pregnancy], result.ContributingIndicators);
        }
    }

    [Theory]
    [InlineData(12, new[] { LegalFlag.UnlawfulSexualActivityChildVictim, LegalFlag.Under13NoCapacityToConsent })]
    [InlineData(13, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]
    [InlineData(15, new[] { LegalFlag.UnlawfulSexualActivityChildVictim })]
    [InlineData(16, new LegalFlag[0])]
    public void Sexual_activity_sets_the_legal_flags_by_age_on_the_event_date(int age, LegalFlag[] expected)
    {
        var result = RiskRuleTable.Evaluate(new RiskFacts([], age, SexualActivity: true));
        Assert.Equal(expected, result.LegalFlags);
        Assert.Equal(age < 16, result.ReasonableCause);
    }

    [Theory]
    [InlineData(RiskIndicator.ThreatsReceived)]
    [InlineData(RiskIndicator.InjuriesOnReturn)]
    public void Threats_and_injuries_are_very_high_at_any_age(RiskIndicator indicator)
    {
        Assert.Equal(RiskLevel.VeryHigh, Evaluate(17, indicator).SuggestedLevel);
    }

    [Fact]
    public void A_disclosure_of_assault_is_very_high_and_reasonable_cause()
    {
        var result = RiskRuleTable.Evaluate(new RiskFacts([], 17, DisclosureOfAssault: true));
        Assert.Equal(RiskLevel.VeryHigh, result.SuggestedLevel);
        Assert.Equal("R2", Assert.Single(result.Matches).RuleId);
        Assert.True(result.ReasonableCause);
    }

    [Fact]
    public void An_adult_offering_gifts_or_lifts_is_at_least_high_and_reasonable_cause()
    {
        var result = Evaluate(17, RiskIndicator.GiftsMoneyOrAttention, RiskIndicator.DrivenAroundInCars);
        Assert.Equal(RiskLevel.High, result.SuggestedLevel);
        Assert.Equal([RiskIndicator.DrivenAroundInCars, RiskIndicator.GiftsMoneyOrAttention], result.ContributingIndicators);
        Assert.True(result.ReasonableCause);
    }

    [Theory]
    [InlineData(2, RiskLevel.Low)]
    [InlineData(3, RiskLevel.High)]
    public void Three_missing_episodes_in_90_days_is_at_least_high(int episodes, RiskLevel expected)
    {
        Assert.Equal(expected, RiskRuleTable.Evaluate(new RiskFacts([], 15, MissingEpisodesInLast90Days: episodes)).SuggestedLevel);
    }

    [Fact]
    public void Three_other_indicators_are_medium_and_two_are_low()
    {
        Assert.Equal(RiskLevel.Low, Evaluate(15, RiskIndicator.Unhappy, RiskIndicator.SchoolAbsence).SuggestedLevel);
        var casey = Evaluate(15, RiskIndicator.AdultsVisitingHome, RiskIndicator.SiblingWithCseHistory, RiskIndicator.DomesticViolenceAtHome,
            RiskIndicator.ParentInPrison, RiskIndicator.SchoolAbsence);
        // Casey-U, rated "low" by a youth worker (REF-14): the table says at least Medium and shows why.
        Assert.Equal(RiskLevel.Medium, casey.SuggestedLevel);
        Assert.Equal(5, casey.ContributingIndicators.Count);
    }

    [Fact]
    public void The_highest_rule_wins_and_only_its_indicators_contribute()
    {
        var result = Evaluate(12, RiskIndicator.Sti, RiskIndicator.GiftsMoneyOrAttention, RiskIndicator.Unhappy);
        Assert.Equal(RiskLevel.VeryHigh, result.SuggestedLevel);
        Assert.Equal([RiskIndicator.Sti], result.ContributingIndicators);
        Assert.Equal(["R1", "R5"], result.Matches.Select(m => m.RuleId));
    }

    [Fact]
    public void A_sexual_health_service_for_under_13s_implies_under_13_without_a_date_of_birth()
    {
        var result = Evaluate(null, RiskIndicator.SexualHealthServiceUnder13);
        Assert.Equal(RiskLevel.VeryHigh, result.SuggestedLevel);
        Assert.Contains(LegalFlag.Under13NoCapacityToConsent, result.LegalFlags);
    }
}
