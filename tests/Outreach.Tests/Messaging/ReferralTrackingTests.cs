using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Contracts.Referrals;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Outreach.Data;
using Support.Outreach.Domain;
using Support.Testing;

namespace Support.Outreach.Tests.Messaging;

/// <summary>OUT-04 over the real broker: referrals by outreach workers are tracked to their outcome, whatever order the events arrive in.</summary>
[Collection(RealBusCollection.Name)]
public sealed class ReferralTrackingTests : IAsyncLifetime
{
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _referrals = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("outreach-referrals");
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

    private static ReferralReceived Received(Guid referralId, Guid youngPersonId, ReferrerRole role, string by) => new()
    {
        ReferralId = referralId, YoungPersonId = youngPersonId, ReferrerRole = role, CseType = CseType.StreetGrooming,
        Indicators = [RiskIndicator.DrivenAroundInCars], Priority = ReferralPriority.Urgent, DecisionDueAt = DateTimeOffset.UtcNow.AddDays(1),
        IsReReferral = false, RecordedBy = by, RecordedByRole = "OutreachWorker", OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-10),
    };

    [Fact]
    public async Task A_decision_that_overtakes_its_referral_is_told_to_the_worker_once_the_referral_arrives_and_only_once()
    {
        var referralId = Guid.NewGuid();
        var youngPersonId = Guid.NewGuid();
        var decidedId = Guid.NewGuid();
        await _referrals.PublishAsync(new ReferralDecided
        {
            ReferralId = referralId, YoungPersonId = youngPersonId, Outcome = ReferralOutcome.CseCaseOpened, DecidedLate = true,
            RecordedBy = "sw-1", RecordedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
        }, decidedId);
        await ProcessedAsync(decidedId);
        await using (var db = CreateDbContext())
        {
            Assert.Empty(await db.ReferralNotifications.Where(n => n.ReferralId == referralId).ToListAsync());
        }

        var receivedId = Guid.NewGuid();
        await _referrals.PublishAsync(Received(referralId, youngPersonId, ReferrerRole.OutreachWorker, "ow-tracked"), receivedId);
        await _referrals.PublishAsync(Received(referralId, youngPersonId, ReferrerRole.OutreachWorker, "ow-tracked"), receivedId);
        await ProcessedAsync(receivedId);

        await using var check = CreateDbContext();
        var notification = Assert.Single(await check.ReferralNotifications.Where(n => n.ReferralId == referralId).ToListAsync());
        Assert.Equal(("ow-tracked", ReferralNotificationKind.Decided), (notification.Recipient, notification.Kind));
        Assert.Contains("CseCaseOpened, after its deadline", notification.Summary, StringComparison.Ordinal);
        var tracked = await check.TrackedReferrals.SingleAsync(r => r.ReferralId == referralId);
        Assert.Equal(("ow-tracked", ReferralOutcome.CseCaseOpened, ReferralPriority.Urgent), (tracked.Referrer, tracked.Outcome!.Value, tracked.Priority!.Value));
    }

    [Fact]
    public async Task A_referral_from_anyone_but_an_outreach_worker_is_not_tracked_here()
    {
        var referralId = Guid.NewGuid();
        var receivedId = Guid.NewGuid();

        await _referrals.PublishAsync(Received(referralId, Guid.NewGuid(), ReferrerRole.School, "school-1"), receivedId);
        await ProcessedAsync(receivedId);

        await using var db = CreateDbContext();
        Assert.False(await db.TrackedReferrals.AnyAsync(r => r.ReferralId == referralId));
    }
}
