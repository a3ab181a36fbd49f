using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

public sealed class ClaimTimeoutFixture() : MessagingFixture("claim-timeout")
{
    protected override bool StartHost => false;

    protected override bool RunHostedRelay => false;

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus)
    {
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Short, so the test is quick, but not 1 s: on a loaded two-core machine the pause between the relay's own
        // statements (set_config, then the claim) once exceeded a second and PostgreSQL ended the transaction mid-claim.
        ["Outbox:ClaimIdleTimeout"] = "00:00:03",
    };

    public OutboxRelay<MessagingTestDbContext> Relay() => ActivatorUtilities.CreateInstance<OutboxRelay<MessagingTestDbContext>>(Services);
}

public sealed class ClaimTimeoutTests(ClaimTimeoutFixture fixture) : IClassFixture<ClaimTimeoutFixture>
{
    [Fact]
    public async Task A_relay_that_freezes_holding_a_claim_releases_its_rows_to_another_replica()
    {
        var ids = await fixture.WriteOutboxAsync(new HousekeepingProbe { Index = 1 }, new HousekeepingProbe { Index = 2 });
        var relay = fixture.Relay();

        // The first replica claims the rows and then freezes: its transaction stays open and idle.
        await using var frozen = fixture.CreateDbContext();
        await using var frozenTransaction = await frozen.Database.BeginTransactionAsync();
        var claimed = await relay.ClaimAsync(frozen, 10, CancellationToken.None);
        Assert.Equal(ids.Order(), claimed.Select(r => r.Id).Order());

        // While the claim is live the other replica skips the locked rows...
        await using (var other = fixture.CreateDbContext())
        await using (var _ = await other.Database.BeginTransactionAsync())
        {
            Assert.Empty(await relay.ClaimAsync(other, 10, CancellationToken.None));
        }

        // ...and once PostgreSQL ends the idle transaction, it gets them.
        var reclaimed = await Eventually.GetAsync(async () =>
        {
            await using var other = fixture.CreateDbContext();
            await using var transaction = await other.Database.BeginTransactionAsync();
            var rows = await relay.ClaimAsync(other, 10, CancellationToken.None);
            return rows.Count == ids.Count ? rows : null;
        }, TimeSpan.FromSeconds(15), "the frozen replica's claim to be released");
        Assert.Equal(ids.Order(), reclaimed.Select(r => r.Id).Order());
        await Assert.ThrowsAnyAsync<Exception>(() => frozenTransaction.CommitAsync());
    }
}
