using System.Text.RegularExpressions;
using Support.SupportLine.Domain;

namespace Support.SupportLine.Tests.Domain;

public sealed class TriageTableTests
{
    [Theory]
    [InlineData("he said if i dont come out theyll shoot me", "D2")]
    [InlineData("they're going to kill me", "D1")]
    [InlineData("he won’t let me leave the flat", "D3")]
    [InlineData("hes outside my house right now", "D4")]
    [InlineData("i want to kill myself", "D5")]
    public void Threats_and_being_held_are_immediate_danger(string text, string rule)
    {
        var result = TriageTable.Classify(text);
        Assert.Equal(TriageCategory.ImmediateDanger, result.Category);
        Assert.Contains(rule, result.MatchedRuleIds);
        Assert.Equal(TriageTable.Version, result.TableVersion);
    }

    [Theory]
    [InlineData("my boyfriend is 25 and he made me do stuff with his mates")]
    [InlineData("an older man gave me vodka and a phone")]
    public void Disclosures_are_recognised(string text) => Assert.Equal(TriageCategory.Disclosure, TriageTable.Classify(text).Category);

    [Fact]
    public void A_parent_reporting_warning_signs_is_a_request_for_help()
    {
        var result = TriageTable.Classify("my daughter has more than one phone and is driving around in cars with lads");
        Assert.Equal(TriageCategory.RequestForHelp, result.Category);
        Assert.Contains("W1", result.MatchedRuleIds);
        Assert.Contains("W2", result.MatchedRuleIds);
    }

    [Fact]
    public void An_ordinary_text_is_other() => Assert.Equal(TriageCategory.Other, TriageTable.Classify("hiya what time is it open").Category);

    [Fact]
    public void Rule_ids_are_unique() => Assert.Equal(TriageTable.Rules.Count, TriageTable.Rules.Select(r => r.Id).Distinct().Count());

    // A 200 ms match timeout once turned an inbound text into a 500 when the machine was busy: no rule may time out,
    // and every rule runs without backtracking so its time stays linear in the text.
    [Fact]
    public void No_rule_can_time_out_and_none_backtracks()
    {
        Assert.All(TriageTable.Rules, rule =>
        {
            Assert.Equal(Regex.InfiniteMatchTimeout, rule.Regex.MatchTimeout);
            Assert.True(rule.Regex.Options.HasFlag(RegexOptions.NonBacktracking), rule.Id);
        });
    }

    [Fact]
    public void A_long_text_built_to_make_patterns_backtrack_is_still_classified()
    {
        var text = string.Concat(Enumerable.Repeat("going   to   ", 120)) + "going to kill me";
        var result = TriageTable.Classify(text);
        Assert.Equal(TriageCategory.ImmediateDanger, result.Category);
        Assert.Contains("D1", result.MatchedRuleIds);
    }
}
