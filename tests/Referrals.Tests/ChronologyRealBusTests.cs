using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Referrals.Consumers.Chronology;
using Support.Referrals.Domain.Chronology;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>MIS-07 over the real broker: what the Missing service publishes lands in the chronology, exactly once.</summary>
[Collection(RealBusCollection.Name)]
public sealed class ChronologyRealBusTests() : RealBusReferralsTests("referrals-chronology")
{
    private async Task<List<ChronologyEntry>> EntriesAsync(Guid youngPersonId)
    {
        await using var db = CreateDbContext();
        return await db.ChronologyEntries.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static ReturnInterviewOverdue Overdue(Guid person) => new()
    {
        InterviewId = Guid.NewGuid(), EpisodeId = Guid.NewGuid(), YoungPersonId = person, DueAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task The_same_message_delivered_twice_appends_exactly_one_entry()
    {
        var person = Guid.NewGuid();
        var overdue = Overdue(person);
        var messageId = Guid.NewGuid();

        await Bus.PublishAsync(overdue, messageId);
        await Bus.PublishAsync(overdue, messageId);
        // Both deliveries consumed: the second one had its chance to append and was absorbed.
        await Consumed.WaitForAsync(ChronologyEndpointDefinition<ReturnInterviewOverdueChronologyConsumer>.Queue, messageId, deliveries: 2);

        var entry = Assert.Single(await EntriesAsync(person));
        Assert.Equal(ChronologyEntryKind.ReturnInterviewOverdue, entry.Kind);
        Assert.Equal(messageId, entry.SourceMessageId);
    }

    [Fact]
    public async Task A_missing_episode_and_the_return_appear_in_the_chronology_in_the_order_they_happened()
    {
        var person = Guid.NewGuid();
        var episode = Guid.NewGuid();
        var reportedAt = DateTimeOffset.UtcNow.AddHours(-5);
        var returnedAt = reportedAt.AddHours(4);

        // Delivered in the wrong order: the chronology is read by when things happened, not when they arrived.
        await Bus.PublishAsync(new YoungPersonReturned
        {
            EpisodeId = episode, YoungPersonId = person, ReturnedAt = returnedAt, InterviewId = Guid.NewGuid(),
            InterviewDueAt = returnedAt.AddHours(72), OccurredAt = returnedAt,
        }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await EntriesAsync(person)).Count == 1, because: "the return to be written");
        await Bus.PublishAsync(new MissingEpisodeReported
        {
            EpisodeId = episode, YoungPersonId = person, MissingFrom = MissingFrom.Home, LastSeenAt = reportedAt.AddHours(-2),
            ReportedAt = reportedAt, OccurredAt = reportedAt,
        }, Guid.NewGuid());
        var entries = await Eventually.GetAsync(async () => await EntriesAsync(person) is { Count: 2 } list ? list : null, because: "the episode to be written");

        Assert.Equal([ChronologyEntryKind.YoungPersonReturned, ChronologyEntryKind.MissingEpisodeReported], entries.Select(e => e.Kind));
        using var client = Host.ClientFor(Roles.SocialWorker);
        var chronology = await client.ChronologyAsync(person);
        Assert.Equal([ChronologyEntryKind.MissingEpisodeReported, ChronologyEntryKind.YoungPersonReturned], chronology.Entries.Select(e => e.Kind));
        Assert.Equal([2, 1], chronology.Entries.Select(e => e.Sequence));
        Assert.True((await client.VerifyAsync(person)).Intact);
    }
}
