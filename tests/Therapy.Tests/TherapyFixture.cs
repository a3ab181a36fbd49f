using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Support.Contracts.Cases;
using Support.Contracts.Registry;
using Support.Contracts.Risk;
using Support.Messaging.Inbox;
using Support.Testing;
using Support.Therapy.Data;

namespace Support.Therapy.Tests;

/// <summary>
/// The Therapy service in process, on its own cloned database, with a clock the tests control. Its bus is MassTransit's
/// in-memory test harness: events are published into it and reach the real consumers; what the service announces is
/// read from its outbox table. Each test class gets its own host, database and clock.
/// </summary>
public class TherapyFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private string _database = "";

    public TherapyFixture() => Clock = new FakeTimeProvider(Start);

    /// <summary>A Wednesday in November 2026 (GMT), noon: financial year 2026-27.</summary>
    protected virtual DateTimeOffset Start => new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }
    public ServiceHost<TherapyDbContext> Host { get; private set; } = null!;
    public DateTimeOffset Now => Clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<TherapyDbContext>("therapy");
        Host = new ServiceHost<TherapyDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Therapy"] = PostgresDatabases.ConnectionString(_database),
            ["Outbox:SentRetention"] = "3650.00:00:00",
            // The hosted job stays out of the way; tests run passes themselves with RunOnceAsync.
            ["Therapy:WaitJobEnabled"] = "false",
            ["Therapy:TransitionJobEnabled"] = "false",
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

    public TherapyDbContext CreateDbContext() => PostgresDatabases.CreateContext<TherapyDbContext>(_database);

    public async Task PublishAsync<T>(T message) where T : class
    {
        var harness = Host.Services.GetRequiredService<ITestHarness>();
        await harness.Bus.Publish(message);
    }

    /// <summary>Registers a young person as the registry event would, and waits until the projection has them.</summary>
    public async Task<Guid> RegisterAsync(DateOnly dateOfBirth, string name = "Casey Vale", GenderCategory? gender = null, string? ethnicity = null)
    {
        var id = Guid.NewGuid();
        await PublishAsync(new YoungPersonRegistered
        {
            YoungPersonId = id, DisplayName = name, DateOfBirth = dateOfBirth, Gender = gender, Ethnicity = ethnicity, OccurredAt = Now,
        });
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.KnownYoungPeople.AnyAsync(p => p.Id == id);
        }, because: "the registration to reach the projection");
        return id;
    }

    public async Task SetRiskAsync(Guid id, RiskLevel level, DateTimeOffset at, params RiskIndicator[] indicators) =>
        await DeliverAsync("referrals.risk-level-changed", new RiskLevelChanged
        {
            YoungPersonId = id, SourceId = Guid.NewGuid(), NewLevel = level, SuggestedLevel = level, Indicators = indicators, RuleTableVersion = "test",
            IsDowngrade = false, RecordedBy = "test-sw", RecordedByRole = "SocialWorker", OccurredAt = at,
        });

    /// <summary>Publishes a message and waits until the consumer with that inbox name has applied it (one more inbox row).</summary>
    public async Task DeliverAsync<T>(string inboxName, T message) where T : class
    {
        int Count()
        {
            using var db = CreateDbContext();
            return db.Set<InboxMessage>().Count(m => m.Consumer == inboxName);
        }
        var before = Count();
        await PublishAsync(message);
        await Eventually.TrueAsync(() => Task.FromResult(Count() > before), because: $"{typeof(T).Name} to be applied by {inboxName}");
    }

    public async Task AssignKeyWorkerAsync(Guid id, string keyWorker)
    {
        await PublishAsync(new KeyWorkerAssigned
        {
            CaseId = Guid.NewGuid(), YoungPersonId = id, KeyWorker = keyWorker, RecordedBy = "test-manager", OccurredAt = Now,
        });
        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.KeyWorkers.AnyAsync(k => k.YoungPersonId == id && k.UserId == keyWorker);
        }, because: "the key worker to be known");
    }

    public async Task<List<T>> OutboxAsync<T>(Func<T, bool>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        return await db.OutboxAsync(where);
    }

    public HttpClient Client(string role, string? user = null) => Host.ClientFor(role, user);

    /// <summary>Registers a provider and one funded offer through the API, as a manager would.</summary>
    public async Task<Guid> OfferAsync(string provider, string name, string type, int minimumAge = 10, int? maximumAge = null, int capacity = 20,
        bool funded = true, string[]? settings = null)
    {
        using var manager = Client("TeamManager", "test-manager");
        var providerResponse = await manager.PostAsJsonAsync("/api/therapy/providers", new { name = provider });
        Guid providerId;
        if (providerResponse.IsSuccessStatusCode)
        {
            providerId = (await providerResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        else
        {
            await using var db = CreateDbContext();
            providerId = await db.Providers.Where(p => p.Name == provider).Select(p => p.Id).SingleAsync();
        }
        var from = funded ? Today.AddMonths(-6) : Today.AddYears(-3);
        var to = funded ? Today.AddMonths(6) : Today.AddYears(-2);
        using var offer = await manager.PostAsJsonAsync($"/api/therapy/providers/{providerId}/offers", new
        {
            name, type, settings = settings ?? ["Clinic", "Home"], eligibility = "Young people affected by CSE.", intendedOutcomes = "Recovery from trauma.",
            minimumAge, maximumAge, commissionedCapacity = capacity,
            funding = new[] { new { from = from.ToString("yyyy-MM-dd"), to = to.ToString("yyyy-MM-dd"), amount = 120000m, source = "Council", fundedFte = 2.0m } },
        });
        offer.EnsureSuccessStatusCode();
        return (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> ReferAsync(Guid youngPersonId, Guid offerId, string role = "SocialWorker")
    {
        using var social = Client(role, "test-sw");
        using var response = await social.PostAsJsonAsync("/api/therapy/referrals", new
        {
            youngPersonId, offerId, referredAt = Now.AddDays(-1).ToString("O"), reason = "Disclosed abuse; nightmares and self-harm.",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
