using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Testing;

namespace Support.Outreach.Tests.Messaging;

/// <summary>OUT-06 over the real broker: Outreach keeps each young person's risk level as Referrals last announced it, whatever order announcements arrive in.</summary>
[Collection(RealBusCollection.Name)]
public sealed class RiskLevelProjectionTests : IAsyncLifetime
{
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _referrals = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("outreach-risk");
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

    private static RiskLevelChanged Changed(Guid youngPersonId, RiskLevel level, DateTimeOffset at) => new()
    {
        YoungPersonId = youngPersonId, SourceId = Guid.NewGuid(), NewLevel = level, SuggestedLevel = level, Indicators = [],
        RuleTableVersion = "2026.1", IsDowngrade = false, RecordedBy = "sw", RecordedByRole = "SocialWorker", OccurredAt = at,
    };

    [Fact]
    public async Task A_newer_level_replaces_the_held_one_and_an_older_one_arriving_late_does_not()
    {
        var person = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var first = Guid.NewGuid();
        var late = Guid.NewGuid();

        await _referrals.PublishAsync(Changed(person, RiskLevel.Medium, at), first);
        await Eventually.TrueAsync(async () => { await using var db = CreateDbContext(); return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == first); }, because: "the first level");
        await _referrals.PublishAsync(Changed(person, RiskLevel.VeryHigh, at.AddDays(1)), Guid.NewGuid());
        await Eventually.TrueAsync(async () => { await using var db = CreateDbContext(); return (await db.YoungPersonRiskLevels.SingleAsync(r => r.YoungPersonId == person)).Level == RiskLevel.VeryHigh; }, because: "the newer level");
        await _referrals.PublishAsync(Changed(person, RiskLevel.Low, at.AddHours(1)), late);
        await Eventually.TrueAsync(async () => { await using var db = CreateDbContext(); return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == late); }, because: "the late level to be processed");

        await using var read = CreateDbContext();
        Assert.Equal(RiskLevel.VeryHigh, (await read.YoungPersonRiskLevels.SingleAsync(r => r.YoungPersonId == person)).Level);
    }
}
