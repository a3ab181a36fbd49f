using Support.SupportLine.Domain;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine.Tests.Domain;

/// <summary>SL-03 and twilio.md §4–§5: the line's texts are short and plain; keywords behave as Twilio's defaults.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_lines_own_texts_are_gsm7_and_at_most_two_segments(bool discreet)
    {
        foreach (var text in new[] { Replies.Acknowledgement(discreet, "Rotherham Support Line"), Replies.Danger })
        {
            Assert.True(Gsm7.IsGsm7(text), text);
            Assert.True(Gsm7.Segments(text) <= 2, text);
        }
        Assert.DoesNotContain("Rotherham", Replies.Acknowledgement(true, "Rotherham Support Line"));
        Assert.DoesNotContain("Rotherham", Replies.Danger);
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Segments_follow_the_gsm7_limits(int length, int segments) => Assert.Equal(segments, Gsm7.Segments(new string('a', length)));

    [Fact]
    public void An_extension_character_costs_two_septets() => Assert.Equal(2, Gsm7.Segments(new string('a', 159) + "€"));

    [Theory]
    [InlineData("see you at 5 \U0001F44D")]
    [InlineData("it\u2019s ok")]
    public void A_reply_with_a_non_gsm7_character_is_refused(string body) =>
        Assert.Contains("GSM-7", Replies.Problem(body, false, "Line"));

    [Fact]
    public void A_discreet_reply_must_not_name_the_service() =>
        Assert.NotNull(Replies.Problem("This is the Rotherham Support Line", true, "Rotherham Support Line"));

    [Theory]
    [InlineData("STOP", KeywordKind.OptOut)]
    [InlineData(" stop. ", KeywordKind.OptOut)]
    [InlineData("Unsubscribe", KeywordKind.OptOut)]
    [InlineData("optout", KeywordKind.OptOut)]
    [InlineData("REVOKE", KeywordKind.OptOut)]
    [InlineData("start", KeywordKind.OptIn)]
    [InlineData("UNSTOP", KeywordKind.OptIn)]
    [InlineData("yes", KeywordKind.OptIn)]
    [InlineData("info", KeywordKind.Help)]
    [InlineData("STOP PLEASE", KeywordKind.None)]
    [InlineData("please stop him", KeywordKind.None)]
    public void Only_single_word_keywords_count(string body, KeywordKind expected) => Assert.Equal(expected, OptOutKeywords.Classify(body));
}
