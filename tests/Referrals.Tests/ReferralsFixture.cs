using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Referrals.Data;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>The Referrals service in process, on its own cloned database, with a clock the tests control.</summary>
public sealed class ReferralsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 0, TimeSpan.Zero);

    private string _database = "";

    public FakeTimeProvider Clock { get; } = new(Now);
    public ServiceHost<ReferralsDbContext> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<ReferralsDbContext>("referrals");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Referrals"] = PostgresDatabases.ConnectionString(_database),
        };
        // API tests use MassTransit's in-memory harness, so these hosts never compete with the real-bus test classes
        // (RealBusCollection) for the service's queues; what the outbox holds is asserted from the database.
        Host = new ServiceHost<ReferralsDbContext>(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddMassTransitTestHarness();
        });
        _ = Host.Server;
    }

    public ReferralsDbContext CreateDbContext() => PostgresDatabases.CreateContext<ReferralsDbContext>(_database);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }
}
