using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Support.Referrals.Data;
using Support.Testing;

namespace Support.Referrals.Tests;

/// <summary>
/// A Referrals host on a database of its own, consuming from the real broker, and a bus that publishes to it as the
/// other services would. The base of every real-bus test class here; each keeps its own database name.
/// </summary>
public abstract class RealBusReferralsTests(string databasePrefix) : IAsyncLifetime
{
    private string _database = "";

    protected ServiceHost<ReferralsDbContext> Host { get; private set; } = null!;
    protected IBusControl Bus { get; private set; } = null!;

    /// <summary>What the host has finished consuming: the effect to wait on when a message should change nothing.</summary>
    protected ConsumedDeliveries Consumed { get; private set; } = null!;

    protected ReferralsDbContext CreateDbContext() => PostgresDatabases.CreateContext<ReferralsDbContext>(_database);

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<ReferralsDbContext>(databasePrefix);
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Referrals"] = PostgresDatabases.ConnectionString(_database),
        };
        Host = new ServiceHost<ReferralsDbContext>(settings);
        _ = Host.Server;
        Consumed = ConsumedDeliveries.ConnectTo(Host.Services.GetRequiredService<IBus>());
        Bus = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bus.StopAsync();
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }
}
