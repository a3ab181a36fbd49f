using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Missing;
using Support.Messaging;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Registry;
using Support.Missing.Consumers;
using Support.Missing.Data;
using Support.Testing;

namespace Support.Missing.Tests.Messaging;

/// <summary>
/// LC-04, MIS-01 over the real broker: Leaving Care's ReportWhereaboutsUnknown opens one episode from leaving-care
/// accommodation, however often it is delivered (same MessageId) or re-sent (same CommandId, new MessageId).
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class ReportWhereaboutsUnknownTests : IAsyncLifetime
{
    private const string Queue = "missing-report-whereabouts-unknown";
    private readonly LogCapture _logs = new();
    private string _database = "";
    private ServiceHost<MissingDbContext> _host = null!;
    private IBusControl _leavingCare = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<MissingDbContext>("missing-bus");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Missing"] = PostgresDatabases.ConnectionString(_database),
        };
        _host = new ServiceHost<MissingDbContext>(settings, _logs.AddTo);
        _ = _host.Server; // binds the queue before anything is published
        _leavingCare = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _leavingCare.StopAsync();
        await _host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    private MissingDbContext CreateDbContext() => PostgresDatabases.CreateContext<MissingDbContext>(_database);

    private async Task<Guid> CareLeaverAsync()
    {
        var id = Guid.NewGuid();
        await using var db = CreateDbContext();
        // 23 years old: a care leaver, still owed an episode (MIS-01).
        db.Add(KnownYoungPerson.FromRegistry(id, "K Leaver", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-23), 1, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    private static ReportWhereaboutsUnknown Command(Guid youngPersonId, Guid commandId) => new()
    {
        CommandId = commandId,
        YoungPersonId = youngPersonId,
        ReportedBy = "Personal adviser, Leaving Care team",
        LastContactAt = DateTimeOffset.UtcNow.AddDays(-3),
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<List<Support.Missing.Domain.MissingEpisode>> EpisodesOfAsync(Guid youngPersonId)
    {
        await using var db = CreateDbContext();
        return await db.Episodes.AsNoTracking().Where(e => e.YoungPersonId == youngPersonId).ToListAsync();
    }

    private async Task<int> ReportedEventsForAsync(Guid youngPersonId)
    {
        await using var db = CreateDbContext();
        var urn = MessageTypeRegistry.UrnOf(typeof(MissingEpisodeReported));
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == urn).ToListAsync();
        return rows.Count(r => r.Payload.Contains(youngPersonId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_consumer_listens_on_the_service_prefixed_kebab_case_queue()
    {
        Assert.NotNull(await Eventually.GetAsync(async () => await TestBroker.QueueDepthAsync(Queue) is { } depth ? (object)depth : null,
            because: $"the queue {Queue} to exist"));
    }

    [Fact]
    public async Task The_personal_advisers_concern_reaches_the_episode_in_their_own_words()
    {
        var person = await CareLeaverAsync();
        await _leavingCare.PublishAsync(Command(person, Guid.NewGuid()) with { Concern = "Seen with an older man at the bus station at 2am." }, Guid.NewGuid());

        var episode = Assert.Single(await Eventually.GetAsync(async () => await EpisodesOfAsync(person) is [_, ..] found ? found : null, because: "the episode to open"));
        Assert.Equal("Whereabouts unknown: reported by Leaving Care. The personal adviser's concern: Seen with an older man at the bus station at 2am.", episode.Circumstances);
    }

    [Fact]
    public async Task A_command_opens_an_episode_from_leaving_care_accommodation_and_a_redelivery_opens_nothing_more()
    {
        var person = await CareLeaverAsync();
        var command = Command(person, Guid.NewGuid());
        var messageId = Guid.NewGuid();

        await _leavingCare.PublishAsync(command, messageId);
        await _leavingCare.PublishAsync(command, messageId);

        var episodes = await Eventually.GetAsync(async () => await EpisodesOfAsync(person) is [_, ..] found ? found : null, because: "the episode to open");
        await Eventually.TrueAsync(() => Task.FromResult(_logs.Lines.Any(l => l.Contains($"Duplicate delivery of {messageId}", StringComparison.Ordinal))),
            because: "the duplicate delivery to be absorbed by the inbox");
        episodes = await EpisodesOfAsync(person);
        var episode = Assert.Single(episodes);
        Assert.Equal(MissingFrom.LeavingCareAccommodation, episode.MissingFrom);
        Assert.Equal(command.CommandId, episode.CommandId);
        Assert.Equal(command.ReportedBy, episode.ReportedBy);
        Assert.Equal(command.LastContactAt, episode.LastSeenAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(ReportWhereaboutsUnknownConsumer.Recorder, episode.RecordedBy);
        Assert.True(episode.IsOpen);
        Assert.Equal(1, await ReportedEventsForAsync(person));
    }

    [Fact]
    public async Task The_same_command_sent_again_with_a_new_message_id_opens_nothing_more()
    {
        var person = await CareLeaverAsync();
        var command = Command(person, Guid.NewGuid());
        var secondMessageId = Guid.NewGuid();

        await _leavingCare.PublishAsync(command, Guid.NewGuid());
        await Eventually.GetAsync(async () => await EpisodesOfAsync(person) is [_, ..] found ? found : null, because: "the episode to open");
        await _leavingCare.PublishAsync(command with { OccurredAt = DateTimeOffset.UtcNow }, secondMessageId);

        // The inbox row is written in the same transaction as the (empty) effect of the second delivery.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == secondMessageId);
        }, because: "the second message to be processed");
        Assert.Single(await EpisodesOfAsync(person));
        Assert.Equal(1, await ReportedEventsForAsync(person));
    }

    [Fact]
    public async Task A_command_for_a_young_person_who_is_already_missing_keeps_the_open_episode()
    {
        var person = await CareLeaverAsync();
        await _leavingCare.PublishAsync(Command(person, Guid.NewGuid()), Guid.NewGuid());
        var first = await Eventually.GetAsync(async () => await EpisodesOfAsync(person) is [_, ..] found ? found : null, because: "the episode to open");
        var secondMessageId = Guid.NewGuid();

        await _leavingCare.PublishAsync(Command(person, Guid.NewGuid()), secondMessageId);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == secondMessageId);
        }, because: "the second command to be processed");
        Assert.Equal(first.Select(e => e.Id), (await EpisodesOfAsync(person)).Select(e => e.Id));
    }
}
