using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Outreach.Features.Information;
using Support.Registry;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Outreach.Tests.Messaging;

/// <summary>
/// INT-02 over the real broker: Referrals' decision on a proposed link comes back to the item, so the worker sees it;
/// a confirmation is the item's <c>LinkedToPersonOfConcern</c> disposition, once, however often it is delivered; a
/// rejection shows its reason and disposes of nothing.
/// </summary>
[Collection(RealBusCollection.Name)]
public sealed class PersonOfConcernLinkDecidedTests : IAsyncLifetime
{
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _referrals = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("outreach-links");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Outreach"] = PostgresDatabases.ConnectionString(_database),
        };
        _host = new ServiceHost<OutreachDbContext>(settings);
        _ = _host.Server;
        _referrals = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _referrals.StopAsync();
        await _host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    private OutreachDbContext CreateDbContext() => PostgresDatabases.CreateContext<OutreachDbContext>(_database);

    private async Task ProcessedAsync(Guid messageId) => await Eventually.TrueAsync(async () =>
    {
        await using var db = CreateDbContext();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId);
    }, because: $"message {messageId} to be processed");

    /// <summary>An item about a registered young person naming a nickname and a vehicle, and the proposal id of each.</summary>
    private async Task<(InformationItemResponse Item, Guid Nickname, Guid Vehicle)> ItemAsync(HttpClient worker)
    {
        var person = Guid.NewGuid();
        await using (var db = CreateDbContext())
        {
            db.Add(KnownYoungPerson.FromRegistry(person, "Link Tested", new DateOnly(2011, 5, 5), 1, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using var response = await worker.PostAsJsonAsync("/api/outreach/information-items", new
        {
            youngPersonId = person, words = "Mo drives the silver car, YX12 ABC.", sourceKind = "Peer", reportedBy = "Her friend",
            hand = "SecondHand", receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            mentions = new object[] { new { kind = "Nickname", value = "Mo" }, new { kind = "Vehicle", value = "YX12 ABC" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.ReadAsync<InformationItemResponse>();
        await using var read = CreateDbContext();
        var mentions = await read.InformationMentions.AsNoTracking().Where(m => m.ItemId == item.Id).ToListAsync();
        return (item, mentions.Single(m => m.Kind == MentionKind.Nickname).Id, mentions.Single(m => m.Kind == MentionKind.Vehicle).Id);
    }

    private static PersonOfConcernLinkDecided Decided(Guid proposalId, Guid itemId, bool confirmed, int linked = 0, string? reason = null) => new()
    {
        ProposalId = proposalId, Source = "outreach", SourceReference = itemId, LinkKind = "Vehicle", Confirmed = confirmed, Reason = reason,
        LinkedYoungPeople = linked, OrganisedAbuseNetworkId = linked >= 2 ? Guid.NewGuid() : null, DecidedBy = "sw-confirm",
        DecidedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task A_confirmed_network_link_reaches_the_item_and_disposes_of_it_once_and_a_rejection_shows_its_reason()
    {
        using var worker = _host.ClientFor(Roles.OutreachWorker, "ow-links-bus");
        var (item, nickname, vehicle) = await ItemAsync(worker);
        var confirmed = Decided(vehicle, item.Id, confirmed: true, linked: 2);
        var messageId = Guid.NewGuid();

        await _referrals.PublishAsync(confirmed, messageId);
        await _referrals.PublishAsync(confirmed, messageId);                // redelivered: the inbox absorbs it
        await _referrals.PublishAsync(confirmed, Guid.NewGuid());           // sent again: the one outcome per proposal absorbs it
        var rejectedId = Guid.NewGuid();
        await _referrals.PublishAsync(Decided(nickname, item.Id, confirmed: false, reason: "A common name; nothing ties it to the car."), rejectedId);
        var strangerId = Guid.NewGuid();
        await _referrals.PublishAsync(Decided(Guid.NewGuid(), item.Id, confirmed: true, linked: 3), strangerId);
        await ProcessedAsync(messageId);
        await ProcessedAsync(rejectedId);
        await ProcessedAsync(strangerId);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Set<InboxMessage>().CountAsync() >= 4;
        }, because: "every delivery to be processed");

        var read = await worker.GetFromJsonAsync<InformationItemResponse>($"/api/outreach/information-items/{item.Id}", OutreachFixture.Json);
        var vehicleLink = read!.Mentions.Single(m => m.Kind == MentionKind.Vehicle).Link!;
        Assert.Equal(("Confirmed", 2, true, "sw-confirm"), (vehicleLink.Status, vehicleLink.LinkedYoungPeople, vehicleLink.NetworkLink, vehicleLink.DecidedBy));
        Assert.Equal(confirmed.OrganisedAbuseNetworkId, vehicleLink.OrganisedAbuseNetworkId);
        var nicknameLink = read.Mentions.Single(m => m.Kind == MentionKind.Nickname).Link!;
        Assert.Equal(("Rejected", "A common name; nothing ties it to the car.", false), (nicknameLink.Status, nicknameLink.Reason, nicknameLink.NetworkLink));
        var disposition = Assert.Single(read.History);
        Assert.Equal((InformationEventKind.LinkedToPersonOfConcern, "sw-confirm", "SocialWorker"), (disposition.Kind, disposition.RecordedBy, disposition.RecordedByRole));
        Assert.Equal("Disposed", read.Status);
    }
}
