using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Outreach;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Registry;
using Support.Outreach.Data;
using Support.Outreach.Features.Reports;
using Support.Outreach.Domain;
using Support.Testing;

namespace Support.Outreach.Tests.Messaging;

/// <summary>
/// OUT-01, OUT-07 over the real broker: a contact a worker texted to the support line is recorded once under the
/// worker's id, whether the command is redelivered (same MessageId) or sent again (same CommandId), with the same
/// rules as the app. Its notes never reach the logs.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class LogOutreachContactTests : IAsyncLifetime
{
    private const string Queue = "outreach-log-outreach-contact";
    private readonly LogCapture _logs = new();
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _supportLine = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("outreach-bus");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Outreach"] = PostgresDatabases.ConnectionString(_database),
        };
        _host = new ServiceHost<OutreachDbContext>(settings, _logs.AddTo);
        _ = _host.Server; // binds the queue before anything is published
        _supportLine = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _supportLine.StopAsync();
        await _host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    private OutreachDbContext CreateDbContext() => PostgresDatabases.CreateContext<OutreachDbContext>(_database);

    private async Task<Guid> YoungPersonAsync()
    {
        var id = Guid.NewGuid();
        await using var db = CreateDbContext();
        db.Add(KnownYoungPerson.FromRegistry(id, "Text Contact", new DateOnly(2011, 5, 5), 1, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    private static LogOutreachContact Command(Guid? youngPersonId, string? alias = null, string place = "Clifton Park", DateTimeOffset? contactedAt = null) => new()
    {
        CommandId = Guid.NewGuid(),
        WorkerUserId = "ow-sms",
        YoungPersonId = youngPersonId,
        Alias = alias,
        ContactedAt = contactedAt ?? DateTimeOffset.UtcNow.AddMinutes(-15),
        Place = place,
        Notes = "Sms-notes-marker-4c2: she got out of a grey car by the gates",
        Concern = RiskLevel.High,
        Channel = "sms",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<List<Contact>> ContactsByAsync(Func<Contact, bool> where)
    {
        await using var db = CreateDbContext();
        return (await db.Contacts.AsNoTracking().ToListAsync()).Where(where).ToList();
    }

    private async Task ProcessedAsync(Guid messageId) => await Eventually.TrueAsync(async () =>
    {
        await using var db = CreateDbContext();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId);
    }, because: $"message {messageId} to be processed");

    [Fact]
    public async Task A_texted_contact_is_recorded_once_however_often_it_is_delivered_or_sent()
    {
        var person = await YoungPersonAsync();
        await using (var db = CreateDbContext())
        {
            db.Locations.Add(Location.Record("Clifton Park", LocationType.Park, null, null, null,
                new Support.ServiceDefaults.Auth.Author("ow-setup", "OutreachWorker", DateTimeOffset.UtcNow), null));
            await db.SaveChangesAsync();
        }
        var command = Command(person, place: "clifton park");
        var messageId = Guid.NewGuid();
        var resentId = Guid.NewGuid();

        await _supportLine.PublishAsync(command, messageId);
        await _supportLine.PublishAsync(command, messageId);
        await _supportLine.PublishAsync(command with { OccurredAt = DateTimeOffset.UtcNow }, resentId);
        await ProcessedAsync(resentId);
        await Eventually.TrueAsync(async () => (await ContactsByAsync(c => c.YoungPersonId == person)).Count > 0, because: "the contact to be recorded");

        var contact = Assert.Single(await ContactsByAsync(c => c.YoungPersonId == person));
        Assert.Equal(("ow-sms", "OutreachWorker", "sms", OutreachChannel.Sms), (contact.RecordedBy, contact.RecordedByRole, contact.Source, contact.Channel));
        Assert.Equal(command.CommandId.ToString(), contact.IdempotencyKey);
        Assert.NotNull(contact.LocationId);
        Assert.Null(contact.Place);
        Assert.Equal(command.ContactedAt, contact.ContactedAt, TimeSpan.FromMilliseconds(1));
        Assert.False(contact.RecordedLate);
        await using var check = CreateDbContext();
        Assert.Single(await check.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == contact.Id));
        // OUT-08: queued for the hotspot report's counts with the contact, and counted once when they catch up.
        await HotspotCounting.CatchUpAsync(check, CancellationToken.None);
        var visit = Assert.Single(await check.HotspotVisits.AsNoTracking().Where(v => v.YoungPersonKey == person).ToListAsync());
        Assert.Equal((contact.LocationId, 1, 1), (visit.LocationId, visit.Contacts, visit.Concerns));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("Sms-notes-marker-4c2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_texted_contact_under_an_alias_from_three_days_ago_is_kept_as_typed_and_flagged_late()
    {
        var command = Command(youngPersonId: null, alias: "Shaz", place: "Behind the chip shop on Wellgate", contactedAt: DateTimeOffset.UtcNow.AddDays(-3));
        var messageId = Guid.NewGuid();

        await _supportLine.PublishAsync(command, messageId);
        await ProcessedAsync(messageId);

        var contact = Assert.Single(await ContactsByAsync(c => c.IdempotencyKey == command.CommandId.ToString()));
        Assert.True(contact.RecordedLate);
        Assert.Equal("Behind the chip shop on Wellgate", contact.Place);
        await using var db = CreateDbContext();
        var alias = await db.Aliases.AsNoTracking().SingleAsync(a => a.Id == contact.AliasId);
        Assert.Equal(("Shaz", "ow-sms"), (alias.Name, alias.RecordedBy));
        Assert.Empty(await db.OutboxAsync<OutreachContactRecorded>(m => m.ContactId == contact.Id));
    }
}
