using MassTransit;
using Microsoft.EntityFrameworkCore;
using Support.Messaging.Jobs;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Messaging.Tests.Infrastructure;
using Support.Testing;

namespace Support.Messaging.Tests.Outbox;

public sealed class ClaimRecheckFixture() : MessagingFixture("claim-recheck")
{
    protected override bool StartHost => false;

    protected override bool RunHostedRelay => false;

    protected override void ConfigureConsumers(IBusRegistrationConfigurator bus)
    {
    }
}

/// <summary>
/// A deadline job claims rows that have no notice yet. A replica whose claim statement began before another replica
/// committed a notice for a row must not claim that row again: its own notice would break the notice's key and fail its
/// whole pass (a CI run saw exactly that). Outbox rows stand for the deadlines and effects for their notices here.
/// </summary>
public sealed class ClaimRecheckTests(ClaimRecheckFixture fixture) : IClassFixture<ClaimRecheckFixture>
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_row_whose_notice_was_committed_during_the_claim_is_kept_only_without_the_recheck(bool recheck, bool keptTheNoticedRow)
    {
        var ids = await fixture.WriteOutboxAsync(new HousekeepingProbe { Index = 1 }, new HousekeepingProbe { Index = 2 });
        var (first, second) = (ids[0], ids[1]);
        // The claim pauses on the first row, after its statement's snapshot was taken and before it reaches the second.
        // The pause is long enough that a probe slowed by a loaded machine still sees it (0.5 s was missed once in CI).
        var condition = $"claimed.id IN ('{first}', '{second}') "
            + $"AND NOT EXISTS (SELECT 1 FROM {MessagingTestDbContext.Schema}.effects AS e WHERE e.message_id = claimed.id) "
            + $"AND (claimed.id <> '{first}' OR (SELECT true FROM pg_sleep(3)))";

        await using var replica = fixture.CreateDbContext();
        await using var transaction = await replica.Database.BeginTransactionAsync();
        var claiming = PeriodicJob.ClaimAsync<OutboxMessage>(replica, condition, "claimed.sequence", 10, DateTimeOffset.UtcNow,
            CancellationToken.None, recheckOtherTables: recheck);
        await Eventually.TrueAsync(() => SleepingInClaimAsync(), because: "the claim to be paused on the first row");

        // Meanwhile another replica announces the second row and commits its notice.
        await using (var other = fixture.CreateDbContext())
        {
            other.Effects.Add(new Effect { MessageId = second, Consumer = "another replica", AppliedAt = DateTimeOffset.UtcNow });
            await other.SaveChangesAsync();
        }

        var claimed = (await claiming).Select(r => r.Id).ToList();
        Assert.Contains(first, claimed);
        Assert.Equal(keptTheNoticedRow, claimed.Contains(second));
    }

    private async Task<bool> SleepingInClaimAsync()
    {
        await using var db = fixture.CreateDbContext();
        return await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'")
            .SingleAsync() > 0;
    }
}
