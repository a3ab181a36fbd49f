using MassTransit;
using Support.Contracts.SupportLine;
using Support.Referrals.Domain.Chronology;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>SL-07, SL-03: the support line's events about a known young person reach their chronology.</summary>
public sealed class SupportLineChronologyTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 23, 40, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_text_marked_as_the_young_persons_views_is_quoted_word_for_word_with_when_they_sent_it()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var views = new YoungPersonViewsRecorded
        {
            ViewsId = Guid.NewGuid(), YoungPersonId = person, Words = "i dont want to move placement, my friends are here",
            SaidAt = Saturday, Method = "text message", RecordedBy = "worker-amy", OccurredAt = Saturday.AddDays(2),
        };
        var messageId = Guid.NewGuid();
        await harness.Bus.PublishAsync(views, messageId);
        await harness.Bus.PublishAsync(views, messageId);

        var entry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(person, 1));
        Assert.Equal(ChronologyEntryKind.YoungPersonViewsRecorded, entry.Kind);
        Assert.Equal(Saturday, entry.OccurredAt);
        Assert.Equal("supportline", entry.SourceService);
        Assert.Equal("worker-amy", entry.AuthorId);
        Assert.Contains("\"i dont want to move placement, my friends are here\"", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(views.ViewsId, entry.SourceRecordId);
    }

    [Fact]
    public async Task A_danger_alert_about_a_known_young_person_is_on_their_chronology_and_an_anonymous_one_is_not()
    {
        var harness = await fixture.StartedHarnessAsync();
        var person = Guid.NewGuid();
        var alert = new SupportLineDangerAlertRaised
        {
            ConversationId = Guid.NewGuid(), MessageId = Guid.NewGuid(), YoungPersonId = person, AlertedRoles = ["SupportLineOperator", "PoliceLiaison"],
            MatchedRules = ["D2"], TriageTableVersion = "2026-12-v1", ReceivedAt = Saturday, OccurredAt = Saturday,
        };
        await harness.Bus.PublishAsync(alert with { YoungPersonId = null, MessageId = Guid.NewGuid() }, Guid.NewGuid());
        await harness.Bus.PublishAsync(alert, Guid.NewGuid());

        var entry = Assert.Single(await fixture.WaitForChronologyEntriesAsync(person, 1));
        Assert.Equal(ChronologyEntryKind.SupportLineDangerAlertRaised, entry.Kind);
        Assert.Contains("D2", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("PoliceLiaison", entry.Summary, StringComparison.Ordinal);
    }
}
