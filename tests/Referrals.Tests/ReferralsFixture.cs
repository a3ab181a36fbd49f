using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Support.Messaging.Outbox;
using Support.Referrals.Data;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>The Referrals service in process, on its own cloned database, with a clock the tests control.</summary>
public sealed class ReferralsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 0, TimeSpan.Zero);

    private string _database = "";

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>
    /// Moves the shared clock to <paramref name="instant"/>, or leaves it if another test of the class has already
    /// gone past it: a fake clock never goes back.
    /// </summary>
    public void MoveClockTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(instant);
        }
    }
    public ServiceHost<ReferralsDbContext> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<ReferralsDbContext>("referrals");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Referrals"] = PostgresDatabases.ConnectionString(_database),
            // Tests move the clock by days; keep sent outbox rows so they can still be read.
            ["Outbox:SentRetention"] = "3650.00:00:00",
        };
        // API tests use MassTransit's in-memory harness, so these hosts never compete with the real-bus test classes
        // (RealBusCollection) for the service's queues; what the outbox holds is asserted from the database.
        Host = new ServiceHost<ReferralsDbContext>(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddMassTransitTestHarness();
            // Nothing leaves the outbox in these hosts: each test asserts the rows its request wrote, and no event
            // comes back through the harness to a consumer (the chronology's, say) behind the test's back.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay<ReferralsDbContext>)));
        });
        _ = Host.Server;
        // COM-10: a strategy action's owner is active staff; the owners the shared request bodies name are registered.
        using var manager = Host.ClientFor(Roles.TeamManager, "tm-fixture");
        foreach (var (userId, name, role) in StrategyRequests.Owners)
        {
            using var registered = await manager.PostAsJsonAsync("/api/referrals/staff", new { userId, displayName = name, role, organisation = "Test" });
            registered.EnsureSuccessStatusCode();
        }
    }

    public ReferralsDbContext CreateDbContext() => PostgresDatabases.CreateContext<ReferralsDbContext>(_database);

    /// <summary>The messages of type <typeparamref name="T"/> in the outbox, filtered in memory.</summary>
    public async Task<List<T>> OutboxAsync<T>(Func<T, bool>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }
}
