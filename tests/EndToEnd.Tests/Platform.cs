using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Npgsql;
using Support.Launcher;
using Support.Testing;
using Support.Testing.Twilio;

namespace Support.EndToEnd.Tests;

/// <summary>
/// The whole platform as processes: six services and the gateway, each on a free loopback port, each service on its
/// own fresh database (migrated by the service at start-up) and all on this run's RabbitMQ vhost. Started by the
/// platform's one launcher (tools/launcher, as tools/run does): a taken port is refused and what answers each port
/// must be the process started.
/// </summary>
public class Platform : IAsyncLifetime
{
    public const int WebhookPermitsPerMinute = 5;

    public static readonly IReadOnlyList<(string Route, string Directory)> Services =
    [
        ("referrals", "Referrals"), ("outreach", "Outreach"), ("missing", "Missing"),
        ("therapy", "Therapy"), ("leavingcare", "LeavingCare"), ("supportline", "SupportLine"),
    ];

    private readonly IReadOnlyList<(string Route, string Directory)> _services;
    private readonly Dictionary<string, LaunchedProcess> _processes = [];
    private readonly List<string> _databases = [];
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly string _logs;

    public Platform() : this(Services)
    {
    }

    /// <summary>A platform of some of the services (and the gateway), for suites that need fewer processes.</summary>
    protected Platform(IReadOnlyList<(string Route, string Directory)> services)
    {
        _services = services;
        _logs = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "e2e-logs", _runId);
    }

    /// <summary>The RabbitMQ vhost the services use.</summary>
    public string VirtualHost { get; private set; } = "";

    /// <summary>This run's vhost, shared by the test process, unless a platform needs queues of its own.</summary>
    protected virtual Task<string> CreateVirtualHostAsync() => TestBroker.VirtualHostAsync();

    /// <summary>The PostgreSQL server the services' databases are created on: the shared test server unless overridden.</summary>
    protected virtual string PostgresAdmin => TestEnvironment.PostgresAdmin;

    /// <summary>A service database's connection string on <see cref="PostgresAdmin"/>'s server.</summary>
    public string ConnectionStringOf(string route) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = DatabaseOf(route), Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    public Uri Gateway { get; private set; } = null!;

    /// <summary>Each service's own address, for checks made directly against a service as well as through the gateway.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceAddresses { get; private set; } = new Dictionary<string, Uri>();

    /// <summary>The database of one service (route name, e.g. "referrals") in this run.</summary>
    public string DatabaseOf(string route) => $"e2e_{route}_{_runId}";

    /// <summary>
    /// Waits until a service's consumer (by its inbox name) has committed a delivery of <paramref name="messageId"/>:
    /// the observable effect of a message meant to change nothing, such as a redelivered event. Waiting for the queue
    /// to drain instead is unreliable: consumers run concurrently and the management API samples its counts.
    /// </summary>
    public Task WaitForConsumedAsync(string route, string consumer, Guid messageId, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(ConnectionStringOf(route));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM \"{route}\".inbox_messages WHERE consumer = @consumer AND message_id = @id)", connection);
            command.Parameters.AddWithValue("consumer", consumer);
            command.Parameters.AddWithValue("id", messageId);
            return (bool)(await command.ExecuteScalarAsync())!;
        }, timeout ?? TimeSpan.FromSeconds(30), $"{route}'s consumer {consumer} to commit message {messageId}");

    /// <summary>Where each process writes its standard output and error (the log scan of the hardening suite reads them).</summary>
    public string LogDirectory => _logs;

    /// <summary>The support line's stand-in for Twilio's REST API (SupportLine sends every text here).</summary>
    public FakeTwilio Twilio { get; } = new(TwilioAccountSid, TwilioAuthToken);
    public const string TwilioAccountSid = "AC00000000000000000000000000e2e000";
    public const string TwilioAuthToken = "e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0";
    public const string SupportLineNumber = "+447700900000";

    /// <summary>The public URL Twilio would call for inbound texts: the gateway's.</summary>
    public string SmsInboundUrl => new Uri(Gateway, "/api/supportline/webhooks/twilio/sms").ToString();

    /// <summary>The public URL Twilio posts a placed call's progress to: the gateway's.</summary>
    public string CallStatusUrl => new Uri(Gateway, "/api/supportline/webhooks/twilio/call-status").ToString();

    public HttpClient Client(string? role = null, string? user = null)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(role, user));
        }
        return client;
    }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_logs);
        var broker = TestBroker.Settings(VirtualHost = await CreateVirtualHostAsync());
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            ["Database__MigrateOnStartup"] = "true",
            ["Outbox__PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in broker)
        {
            common[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        await Twilio.StartAsync();
        var gatewayPort = FreePort();
        Gateway = new Uri($"http://127.0.0.1:{gatewayPort}/");

        var addresses = new Dictionary<string, Uri>();
        foreach (var (route, directory) in _services)
        {
            var database = DatabaseOf(route);
            await CreateDatabaseAsync(database);
            var port = FreePort();
            addresses[route] = new Uri($"http://127.0.0.1:{port}/");
            var environment = new Dictionary<string, string>(common)
            {
                ["ASPNETCORE_URLS"] = addresses[route].ToString().TrimEnd('/'),
                [$"ConnectionStrings__{directory}"] = ConnectionStringOf(route),
            };
            if (route == "supportline")
            {
                environment["Sms__AccountSid"] = TwilioAccountSid;
                environment["Sms__AuthToken"] = TwilioAuthToken;
                environment["Sms__FromNumber"] = SupportLineNumber;
                environment["Sms__InboundWebhookUrl"] = SmsInboundUrl;
                environment["Sms__StatusCallbackUrl"] = new Uri(Gateway, "/api/supportline/webhooks/twilio/status").ToString();
                environment["Sms__CallStatusCallbackUrl"] = CallStatusUrl;
                environment["Sms__ApiBaseUrl"] = Twilio.Url;
                environment["Sms__DispatchInterval"] = "00:00:00.200";
            }
            Start(route, Path.Combine("services", directory), $"{directory}.Api", environment);
        }

        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_URLS"] = Gateway.ToString().TrimEnd('/'),
            ["RateLimits__WebhookPermitsPerMinute"] = WebhookPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The suites send hundreds of deliberately unauthenticated requests from one address; the flood limit
            // itself is tested against an in-process gateway (Hardening.Tests).
            ["RateLimits__AnonymousPermitsPerMinute"] = "1000000",
        };
        foreach (var (route, address) in addresses)
        {
            gatewayEnvironment[$"ReverseProxy__Clusters__{route}__Destinations__d1__Address"] = address.ToString();
        }
        Start("gateway", Path.Combine("gateway", "Support.Gateway"), "Support.Gateway", gatewayEnvironment);
        ServiceAddresses = addresses;

        // Up to three minutes: the Web and Hardening suites each start a whole platform, at the same time, on two
        // cores, each migrating six fresh databases; once, Referrals was not ready within 90 s. Ready as soon as ready.
        await Task.WhenAll(_processes.Values.Select(p => p.WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            await process.DisposeAsync();
        }
        await Twilio.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases)
        {
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Kills a process of the platform (a service by route name, or "gateway") with SIGKILL: no shutdown at all.</summary>
    public Task KillAsync(string name) => _processes[name].KillAsync();

    /// <summary>Freezes a process of the platform (SIGSTOP) until <see cref="Thaw"/>.</summary>
    public void Freeze(string name) => _processes[name].Freeze();

    public void Thaw(string name) => _processes[name].Thaw();

    /// <summary>Starts a killed process again, as it was started (same port, settings and log), and by default waits until it is ready.</summary>
    public async Task RestartAsync(string name, bool waitUntilReady = true)
    {
        var old = _processes[name];
        if (!old.HasExited)
        {
            throw new InvalidOperationException($"{name} is still running: kill it first.");
        }
        await old.DisposeAsync();
        var started = ProcessLauncher.Start(old.Spec);
        _processes[name] = started;
        if (waitUntilReady)
        {
            await started.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        }
    }

    private void Start(string name, string projectDirectory, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var root = TestEnvironment.RepositoryRoot;
        var dll = Path.Combine(root, "artifacts", "bin", assembly, "debug", $"{assembly}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first (tools/test does).");
        }
        var urls = new Uri(environment["ASPNETCORE_URLS"]);
        var spec = new LaunchSpec(name, dll, Path.Combine(root, projectDirectory), urls.Port,
            environment.Where(e => e.Key != "ASPNETCORE_URLS").ToDictionary(), Path.Combine(_logs, $"{name}.log"));
        _processes[name] = ProcessLauncher.Start(spec);
    }

    private async Task CreateDatabaseAsync(string name)
    {
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        _databases.Add(name);
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}
