using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.Alerts;
using Support.Testing;

namespace Support.LeavingCare.Tests;

/// <summary>
/// The LeavingCare service in process, on its own cloned database, with a clock the tests control. Its bus is
/// MassTransit's in-memory test harness: events are published into it and reach the real consumers, and what the
/// service announces is read from its outbox table. Each test class gets its own host, database and clock.
/// </summary>
public class LeavingCareFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string _database = "";

    public LeavingCareFixture() => Clock = new FakeTimeProvider(Start);

    /// <summary>A Wednesday in winter (GMT), noon.</summary>
    protected virtual DateTimeOffset Start => new(2026, 1, 14, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }
    public ServiceHost<LeavingCareDbContext> Host { get; private set; } = null!;
    public DateTimeOffset Now => Clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<LeavingCareDbContext>("leavingcare");
        Host = new ServiceHost<LeavingCareDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LeavingCare"] = PostgresDatabases.ConnectionString(_database),
            ["Outbox:SentRetention"] = "3650.00:00:00",
            // The hosted job stays out of the way; tests run passes themselves with RunOnceAsync.
            ["LeavingCare:AlertJobEnabled"] = "false",
        }, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddMassTransitTestHarness();
        });
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    public LeavingCareDbContext CreateDbContext() => PostgresDatabases.CreateContext<LeavingCareDbContext>(_database);

    public HandoverAlertJob Job => Host.Services.GetRequiredService<HandoverAlertJob>();

    public async Task PublishAsync<T>(T message) where T : class
    {
        var harness = Host.Services.GetRequiredService<ITestHarness>();
        await harness.Bus.Publish(message);
    }

    /// <summary>Registers a young person as the registry event would, and waits until the picture has their date of birth.</summary>
    public async Task<Guid> RegisterAsync(DateOnly dateOfBirth, string name = "Casey Vale")
    {
        var id = Guid.NewGuid();
        await PublishAsync(new YoungPersonRegistered { YoungPersonId = id, DisplayName = name, DateOfBirth = dateOfBirth, OccurredAt = Now });
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Pictures.AnyAsync(p => p.YoungPersonId == id && p.DateOfBirth != null)
                && await db.KnownYoungPeople.AnyAsync(p => p.Id == id);
        }, because: "the registration to reach the picture");
        return id;
    }

    public async Task SetRiskAsync(Guid id, RiskLevel level, params RiskIndicator[] indicators)
    {
        var sourceId = Guid.NewGuid();
        await PublishAsync(new RiskLevelChanged
        {
            YoungPersonId = id, SourceId = sourceId, NewLevel = level, SuggestedLevel = level, Indicators = indicators, RuleTableVersion = "test",
            IsDowngrade = false, RecordedBy = "test-sw", RecordedByRole = "SocialWorker", OccurredAt = Now,
        });
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.PictureEvents.AnyAsync(e => e.ReferenceId == sourceId);
        }, because: "the risk level to reach the picture");
    }

    /// <summary>The date of birth that makes someone turn 18 in <paramref name="days"/> days from today.</summary>
    public DateOnly BornToTurn18In(int days) => Today.AddDays(days).AddYears(-18);

    public async Task<List<T>> OutboxAsync<T>(Func<T, bool>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    public HttpClient Client(string role, string user) => Host.ClientFor(role, user);
}

internal static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(LeavingCareFixture.Json))!;

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
