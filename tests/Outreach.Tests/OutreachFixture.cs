using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Registry;
using Support.Outreach.Data;
using Support.Testing;

namespace Support.Outreach.Tests;

/// <summary>
/// The Outreach service in process, on its own cloned database, with a clock the tests control. Its bus is
/// MassTransit's in-memory test harness, so API tests never compete with the real-bus classes for the service's
/// queues; what the service announces is read from its outbox table. Each test class gets its own host, database and clock.
/// </summary>
public class OutreachFixture : IAsyncLifetime
{
    /// <summary>A Friday in winter (GMT), 22:00 in London: the outreach shift the service is built for.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 30, 22, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string _database = "";

    public FakeTimeProvider Clock { get; } = new(Start);
    public LogCapture Logs { get; } = new();
    public ServiceHost<OutreachDbContext> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("outreach");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Outreach"] = PostgresDatabases.ConnectionString(_database),
            // Tests move the clock by days; keep sent outbox rows so they can still be read.
            ["Outbox:SentRetention"] = "3650.00:00:00",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        Host = new ServiceHost<OutreachDbContext>(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            Logs.AddTo(services);
            services.AddMassTransitTestHarness();
        });
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    public OutreachDbContext CreateDbContext() => PostgresDatabases.CreateContext<OutreachDbContext>(_database);

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Configuration a derived fixture changes (the Part I parameters are configurable).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Adds a young person to the service's registry projection, as the registry events would.</summary>
    public async Task<Guid> KnownYoungPersonAsync(string name = "Casey Vale", DateOnly? dateOfBirth = null, string? gender = null, string? ethnicity = null)
    {
        var id = Guid.NewGuid();
        await using var db = CreateDbContext();
        db.Add(KnownYoungPerson.FromRegistry(id, name, dateOfBirth ?? new DateOnly(2011, 4, 9), 1, Now, gender, ethnicity));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>The messages of type <typeparamref name="T"/> in the outbox, filtered in memory.</summary>
    public async Task<List<T>> OutboxAsync<T>(Func<T, bool>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }
}

internal static class HttpExtensions
{
    public static HttpClient ClientFor(this ServiceHost<OutreachDbContext> host, IReadOnlyList<string> roles, string user)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(roles, user));
        return client;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(OutreachFixture.Json))!;

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response) =>
        (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
