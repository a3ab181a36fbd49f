using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Support.Messaging.Inbox;
using Support.Messaging.Outbox;
using Support.Messaging.Tests.Data;
using Support.Testing;

namespace Support.Messaging.Tests.Infrastructure;

/// <summary>
/// A service host in miniature, wired exactly as a real service is (<c>AddSupportMessaging</c> on a generic host), on
/// its own cloned database and the run's RabbitMQ vhost. One per test class: the service name (and so every queue
/// name) is the class's concern, so test classes never share a queue.
/// </summary>
public abstract class MessagingFixture(string concern) : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, string?> FastOutbox = new Dictionary<string, string?>
    {
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:PublishTimeout"] = "00:00:02",
        ["Outbox:InitialBackoff"] = "00:00:00.200",
        ["Outbox:MaxBackoff"] = "00:00:02",
    };

    private IHost? _app;
    private bool _started;

    public string ServiceName { get; } = $"msgtest-{concern}";
    public string Database { get; private set; } = "";
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The host is not built yet.")).Services;
    public DeliveryLog Deliveries => Services.GetRequiredService<DeliveryLog>();

    /// <summary>Adds this class's consumers (and their endpoint settings) to the bus.</summary>
    protected abstract void ConfigureConsumers(IBusRegistrationConfigurator bus);

    /// <summary>Runs after AddSupportMessaging, so it can override what that registered.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>False: the host's own relay is not registered; the test drives relays itself (or none at all).</summary>
    protected virtual bool RunHostedRelay => true;

    /// <summary>False: the host is built but never started, so neither the bus nor any relay runs.</summary>
    protected virtual bool StartHost => true;

    protected virtual TimeProvider Clock => TimeProvider.System;

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabases.CreateAsync<MessagingTestDbContext>(concern);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.AddInMemoryCollection(await TestBroker.SettingsAsync());
        builder.Configuration.AddInMemoryCollection(FastOutbox);
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton(Clock);
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddConsumeObserver<DeliveryObserver>();
        var connectionString = PostgresDatabases.ConnectionString(Database);
        builder.Services.AddDbContext<MessagingTestDbContext>(o => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        builder.AddSupportMessaging<MessagingTestDbContext>(ServiceName, ConfigureConsumers, typeof(CrashProbe).Assembly);
        if (!RunHostedRelay)
        {
            var relay = builder.Services.Single(d =>
                d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay<MessagingTestDbContext>));
            builder.Services.Remove(relay);
        }
        ConfigureServices(builder.Services);

        _app = builder.Build();
        if (StartHost)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _app.StartAsync(timeout.Token);
            _started = true;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            if (_started)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _app.StopAsync(timeout.Token);
            }
            if (_app is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                _app.Dispose();
            }
        }
        if (Database.Length > 0)
        {
            await PostgresDatabases.DropAsync(Database);
        }
    }

    public MessagingTestDbContext CreateDbContext() => PostgresDatabases.CreateContext<MessagingTestDbContext>(Database);

    /// <summary>The queue the bus reads <typeparamref name="TConsumer"/>'s messages from, named by the bus's own formatter.</summary>
    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        Services.GetRequiredService<IEndpointNameFormatter>().Consumer<TConsumer>();

    /// <summary>Stages the messages through <see cref="IOutbox"/> and commits them, as a request handler would; returns the row ids.</summary>
    public async Task<IReadOnlyList<Guid>> WriteOutboxAsync<T>(params T[] messages) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        foreach (var message in messages)
        {
            outbox.Add(message);
        }
        var ids = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    public async Task<List<OutboxMessage>> OutboxRowsAsync(IEnumerable<Guid> ids)
    {
        var wanted = ids.ToList();
        await using var db = CreateDbContext();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(r => wanted.Contains(r.Id)).OrderBy(r => r.Sequence).ToListAsync();
    }

    public async Task<OutboxMessage> OutboxRowAsync(Guid id) => (await OutboxRowsAsync([id])).Single();

    /// <summary>How many effect rows each of the messages produced (0 included).</summary>
    public async Task<Dictionary<Guid, int>> EffectCountsAsync(IEnumerable<Guid> messageIds)
    {
        var wanted = messageIds.ToList();
        await using var db = CreateDbContext();
        var counts = await db.Effects.Where(e => wanted.Contains(e.MessageId))
            .GroupBy(e => e.MessageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return wanted.Distinct().ToDictionary(id => id, id => counts.GetValueOrDefault(id));
    }

    public async Task<int> EffectCountAsync(Guid messageId) => (await EffectCountsAsync([messageId]))[messageId];

    public async Task<int> InboxCountAsync(Guid messageId)
    {
        await using var db = CreateDbContext();
        return await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId);
    }
}
