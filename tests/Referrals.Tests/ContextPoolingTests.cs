using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Referrals.Data;
using Support.ServiceDefaults.Data;

namespace Support.Referrals.Tests;

/// <summary>
/// Issue 11 and 17: every service leases its DbContext from a pool (<see cref="ServiceDatabase"/>) instead of building
/// options and a context per request or message. A lease must be as good as a new context: what one user changed on it
/// (the inbox turns EF's savepoints off, <c>IdempotentConsumer</c>) does not reach the next.
/// </summary>
public sealed class ContextPoolingTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    [Fact]
    public async Task A_context_returned_to_the_pool_comes_back_with_savepoints_and_tracking_as_new()
    {
        ReferralsDbContext used;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            used = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            used.Database.AutoSavepointsEnabled = false;
            used.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        }

        // Without a pool every lease is a new context and none is found. The host's own jobs lease contexts too, so the
        // returned one is looked for among several leases held at once.
        ReferralsDbContext? again = null;
        for (var attempt = 0; attempt < 20 && again is null; attempt++)
        {
            var scopes = Enumerable.Range(0, 8).Select(_ => fixture.Host.Services.CreateAsyncScope()).ToList();
            again = scopes.Select(s => s.ServiceProvider.GetRequiredService<ReferralsDbContext>()).FirstOrDefault(c => ReferenceEquals(c, used));
            if (again is not null)
            {
                Assert.True(again.Database.AutoSavepointsEnabled);
                Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            }
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        Assert.NotNull(again);
    }
}
