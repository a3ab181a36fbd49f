using Support.Testing;

namespace Support.EndToEnd.Tests.Faults;

/// <summary>
/// Referrals, Outreach and the gateway as processes, on a PostgreSQL server of their own (<see cref="PrivatePostgres"/>)
/// and this run's RabbitMQ vhost: enough for a street contact to reach a chronology over the bus, and small enough to be
/// killed, restarted and starved of disk without disturbing any other suite.
/// </summary>
public sealed class FaultPlatform() : Platform([("referrals", "Referrals"), ("outreach", "Outreach")])
{
    private PrivatePostgres? _postgres;

    /// <summary>Large enough for two migrated service databases; small enough to fill in a moment.</summary>
    private const int DataFolderMegabytes = 160;

    public PrivatePostgres Postgres => _postgres ?? throw new InvalidOperationException("The platform has not started.");

    protected override string PostgresAdmin => Postgres.AdminConnectionString;

    /// <summary>
    /// Queues of its own: the platform of the other end-to-end tests, in the same test process, runs services with the
    /// same queue names, and the suite counts every message left in its vhost.
    /// </summary>
    protected override Task<string> CreateVirtualHostAsync() => TestBroker.CreateVirtualHostAsync();

    public override async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync(DataFolderMegabytes);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            // Beside the services' logs, for the log scan and for whoever reads a failure.
            File.Copy(_postgres.LogFile, Path.Combine(LogDirectory, "postgres.log"), overwrite: true);
            await _postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection : ICollectionFixture<FaultPlatform>
{
    public const string Name = "faults";
}
