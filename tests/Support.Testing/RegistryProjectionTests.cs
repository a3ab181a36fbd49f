using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Contracts.Registry;
using Support.ServiceDefaults.Audit;
using Support.ServiceDefaults.Auth;
using Xunit;

namespace Support.Testing;

/// <summary>
/// What every service that keeps a projection of the registry must do, over the real broker and its real database:
/// build it from <see cref="YoungPersonRegistered"/>, apply corrections in version order whatever order they arrive
/// in, absorb duplicates, and serve it only to staff, with each read audited. Each service's test project runs these
/// by deriving one class; its own tests sit beside it.
/// </summary>
internal static class ProjectionInbox
{
    public static readonly string Registered = Support.Messaging.Inbox.InboxNames.Of(typeof(Support.Registry.YoungPersonRegisteredConsumer<>));
    public static readonly string Corrected = Support.Messaging.Inbox.InboxNames.Of(typeof(Support.Registry.YoungPersonDetailsCorrectedConsumer<>));
}

public abstract class RegistryProjectionTests<TContext> : IAsyncLifetime where TContext : DbContext
{
    private string _database = "";
    private IBusControl _bus = null!;
    private ConsumedDeliveries _consumed = null!;

    /// <summary>The service's route segment, e.g. "outreach" in /api/outreach/.</summary>
    protected abstract string Service { get; }

    /// <summary>The service's connection string name (ConnectionStrings:{name}).</summary>
    protected abstract string ConnectionName { get; }

    protected ServiceHost<TContext> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<TContext>(Service);
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            [$"ConnectionStrings:{ConnectionName}"] = PostgresDatabases.ConnectionString(_database),
        };
        Host = new ServiceHost<TContext>(settings);
        _ = Host.Server; // binds the service's queues before anything is published
        _consumed = ConsumedDeliveries.ConnectTo(Host.Services.GetRequiredService<IBus>());
        _bus = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await Host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    protected TContext CreateDbContext() => PostgresDatabases.CreateContext<TContext>(_database);

    protected sealed record Projection(Guid Id, string DisplayName, DateOnly DateOfBirth, string? Gender, string? Ethnicity, int DetailsVersion);

    protected async Task<Projection?> ReadAsync(Guid id)
    {
        using var client = Host.ClientFor(Roles.SocialWorker, "projection-reader");
        using var response = await client.GetAsync($"/api/{Service}/young-people/{id}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Projection>(JsonSerializerOptions.Web);
    }

    protected Task<Projection> WaitForAsync(Guid id, Func<Projection, bool> condition, string because) =>
        Eventually.GetAsync(async () => await ReadAsync(id) is { } p && condition(p) ? p : null, because: because);

    protected static YoungPersonRegistered Registered(Guid id, string name = "Casey Vale", string dateOfBirth = "2009-07-01") => new()
    {
        YoungPersonId = id, DisplayName = name, DateOfBirth = DateOnly.Parse(dateOfBirth), Gender = GenderCategory.Female, Ethnicity = "White British",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    protected static YoungPersonDetailsCorrected Corrected(Guid id, int version, string name, string dateOfBirth, GenderCategory? gender = GenderCategory.Female,
        string? ethnicity = "White British") => new()
    {
        YoungPersonId = id, CorrectionId = Guid.NewGuid(), Version = version, DisplayName = name,
        DateOfBirth = DateOnly.Parse(dateOfBirth), Gender = gender, Ethnicity = ethnicity, OccurredAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task A_registration_on_the_bus_becomes_a_local_projection()
    {
        var id = Guid.NewGuid();

        await _bus.PublishAsync(Registered(id), Guid.NewGuid());

        var projection = await WaitForAsync(id, _ => true, "the projection to appear");
        Assert.Equal("Casey Vale", projection.DisplayName);
        Assert.Equal(new DateOnly(2009, 7, 1), projection.DateOfBirth);
        Assert.Equal(("Female", "White British"), (projection.Gender, projection.Ethnicity));
        Assert.Equal(1, projection.DetailsVersion);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_recorded_once_in_the_inbox()
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await _bus.PublishAsync(Registered(id), messageId);
        await _bus.PublishAsync(Registered(id), messageId);
        await WaitForAsync(id, _ => true, "the projection to appear");
        // The projection's consumer has finished both deliveries, the duplicate included.
        await _consumed.WaitForAsync($"{Service}-young-person-registered", messageId, deliveries: 2);

        await using var db = CreateDbContext();
        // Once per consumer: a service may have more than one consumer of the event (LeavingCare's picture).
        var consumers = await db.Set<Support.Messaging.Inbox.InboxMessage>().Where(m => m.MessageId == messageId).Select(m => m.Consumer).ToListAsync();
        Assert.True(consumers.Count(c => c == ProjectionInbox.Registered) == 1 && consumers.Distinct().Count() == consumers.Count,
            "inbox rows: " + string.Join(" | ", consumers));
    }

    [Fact]
    public async Task Registrations_arriving_together_are_each_projected_once_and_duplicates_among_them_are_skipped()
    {
        // Forty registrations at once, ten of them delivered twice: the endpoint takes them in batches (issue 17), so a
        // batch can hold a message and its duplicate, or meet a duplicate another batch is committing.
        var people = Enumerable.Range(0, 40).Select(i => (Id: Guid.NewGuid(), MessageId: Guid.NewGuid(), Name: $"Casey Batch{i}")).ToList();
        var deliveries = people.Concat(people.Take(10)).OrderBy(_ => Random.Shared.Next()).ToList();

        await Task.WhenAll(deliveries.Select(p => _bus.PublishAsync(Registered(p.Id, p.Name), p.MessageId)));

        foreach (var person in people)
        {
            Assert.Equal(person.Name, (await WaitForAsync(person.Id, _ => true, "every registration to be projected")).DisplayName);
        }
        foreach (var person in people.Take(10))
        {
            await _consumed.WaitForAsync($"{Service}-young-person-registered", person.MessageId, deliveries: 2);
        }
        await using var db = CreateDbContext();
        var messageIds = people.Select(p => p.MessageId).ToList();
        var rows = await db.Set<Support.Messaging.Inbox.InboxMessage>()
            .Where(m => m.Consumer == ProjectionInbox.Registered && messageIds.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync();
        Assert.Equal(messageIds.Order(), rows.Order());
    }

    [Fact]
    public async Task A_registration_still_in_flight_about_a_young_person_this_service_erased_writes_nothing()
    {
        var erased = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var db = CreateDbContext())
        {
            db.Add(Support.Registry.ErasedYoungPerson.Mark(erased, Guid.NewGuid(), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var late = Guid.NewGuid();

        await _bus.PublishAsync(Registered(erased, "Casey Erased"), late);
        await _bus.PublishAsync(Registered(other, "Casey Other"), Guid.NewGuid());

        await WaitForAsync(other, _ => true, "the registration of someone not erased");
        await _consumed.WaitForAsync($"{Service}-young-person-registered", late);
        Assert.Null(await ReadAsync(erased));
    }

    [Fact]
    public async Task Corrections_apply_in_version_order_and_a_late_older_one_is_ignored()
    {
        var id = Guid.NewGuid();
        await _bus.PublishAsync(Registered(id), Guid.NewGuid());
        await WaitForAsync(id, _ => true, "the registration");

        await _bus.PublishAsync(Corrected(id, 3, "Casey Vale-Third", "2009-07-03", gender: GenderCategory.NonBinary, ethnicity: null), Guid.NewGuid());
        await WaitForAsync(id, p => p.DetailsVersion == 3, "version 3");
        var late = Guid.NewGuid();
        await _bus.PublishAsync(Corrected(id, 2, "Casey Vale-Second", "2009-07-02", gender: GenderCategory.Male, ethnicity: "Asian British"), late);
        await _consumed.WaitForAsync($"{Service}-young-person-details-corrected", late);

        var projection = await ReadAsync(id);
        Assert.Equal(3, projection!.DetailsVersion);
        Assert.Equal("Casey Vale-Third", projection.DisplayName);
        Assert.Equal(new DateOnly(2009, 7, 3), projection.DateOfBirth);
        // OUT-10: a correction can clear a recorded value as well as change it; the older correction changed neither.
        Assert.Equal(("NonBinary", (string?)null), (projection.Gender, projection.Ethnicity));
    }

    [Fact]
    public async Task A_correction_that_overtakes_its_registration_is_not_undone_by_it()
    {
        var id = Guid.NewGuid();

        await _bus.PublishAsync(Corrected(id, 2, "Casey Corrected", "2009-07-09"), Guid.NewGuid());
        await WaitForAsync(id, p => p.DetailsVersion == 2, "the correction");
        var registration = Guid.NewGuid();
        await _bus.PublishAsync(Registered(id), registration);
        await _consumed.WaitForAsync($"{Service}-young-person-registered", registration);

        Assert.Equal("Casey Corrected", (await ReadAsync(id))!.DisplayName);
    }

    [Fact]
    public async Task Versions_delivered_out_of_order_all_at_once_leave_the_newest()
    {
        var id = Guid.NewGuid();
        await _bus.PublishAsync(Registered(id), Guid.NewGuid());
        await WaitForAsync(id, _ => true, "the registration");

        // Thirty corrections published together in shuffled order: the endpoint handles them concurrently, so two
        // transactions holding different versions of the same row overlap. Only a version check made in the database
        // under the row's lock keeps the newest whatever the commit order.
        var versions = Enumerable.Range(2, 30).OrderBy(_ => Random.Shared.Next()).ToList();
        var messageIds = versions.Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(versions.Select((v, i) => _bus.PublishAsync(Corrected(id, v, $"Casey Version{v}", "2009-07-01"), messageIds[i])));

        await Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDbContext();
            return await db.Set<Support.Messaging.Inbox.InboxMessage>()
                .CountAsync(m => m.Consumer == ProjectionInbox.Corrected && messageIds.Contains(m.MessageId)) == messageIds.Count;
        }, because: "every correction to be applied or skipped");
        var projection = await ReadAsync(id);
        Assert.Equal(31, projection!.DetailsVersion);
        Assert.Equal("Casey Version31", projection.DisplayName);
    }

    [Fact]
    public async Task The_projection_is_identifiable_so_it_needs_a_staff_token_and_every_read_is_audited()
    {
        var id = Guid.NewGuid();
        await _bus.PublishAsync(Registered(id), Guid.NewGuid());
        await WaitForAsync(id, _ => true, "the projection");

        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode);
        using var commissioner = Host.ClientFor(Roles.Commissioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode);
        using var unknown = Host.ClientFor(Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.NotFound, (await unknown.GetAsync($"/api/{Service}/young-people/{Guid.NewGuid()}")).StatusCode);

        await using var db = CreateDbContext();
        var reads = await db.Set<AccessLogEntry>().Where(e => e.SubjectId == id).ToListAsync();
        Assert.NotEmpty(reads);
        Assert.All(reads, e => Assert.Equal("projection-reader", e.Actor));
    }

    [Fact]
    public async Task A_sharing_relationship_on_the_bus_lets_its_partner_read_and_an_ending_that_overtakes_it_is_not_undone()
    {
        var id = Guid.NewGuid();
        await _bus.PublishAsync(Registered(id), Guid.NewGuid());
        await WaitForAsync(id, _ => true, "the projection");
        using var carer = Host.ClientFor(Roles.Carer, "projection-carer");
        Assert.Equal(HttpStatusCode.Forbidden, (await carer.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode);

        var placement = Guid.NewGuid();
        await _bus.PublishAsync(new SharingRelationshipRecorded
        {
            RelationshipId = placement, YoungPersonId = id, UserId = "projection-carer", Kind = SharingRelationshipKind.Placement,
            ValidFrom = DateTimeOffset.UtcNow.AddMinutes(-1), RecordedBy = "sw", RecordedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());
        await Eventually.TrueAsync(async () =>
            (await carer.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode == HttpStatusCode.OK, because: "the placement to be projected");

        // A grant whose ending arrives first: the late recording must not open access again.
        var grant = Guid.NewGuid();
        using var health = Host.ClientFor(Roles.HealthPartner, "projection-health");
        var early = Guid.NewGuid();
        await _bus.PublishAsync(new SharingRelationshipEnded
        {
            RelationshipId = grant, YoungPersonId = id, EndedAt = DateTimeOffset.UtcNow, EndedBy = "sw", EndedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
        }, early);
        await _consumed.WaitForAsync($"{Service}-sharing-relationship-ended", early);
        var late = Guid.NewGuid();
        await _bus.PublishAsync(new SharingRelationshipRecorded
        {
            RelationshipId = grant, YoungPersonId = id, UserId = "projection-health", Kind = SharingRelationshipKind.Grant,
            ValidFrom = DateTimeOffset.UtcNow.AddMinutes(-5), ValidUntil = DateTimeOffset.UtcNow.AddDays(30),
            RecordedBy = "sw", RecordedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        }, late);
        await _consumed.WaitForAsync($"{Service}-sharing-relationship-recorded", late);
        Assert.Equal(HttpStatusCode.Forbidden, (await health.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode);

        await _bus.PublishAsync(new SharingRelationshipEnded
        {
            RelationshipId = placement, YoungPersonId = id, EndedAt = DateTimeOffset.UtcNow, EndedBy = "sw", EndedByRole = "SocialWorker", OccurredAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());
        await Eventually.TrueAsync(async () =>
            (await carer.GetAsync($"/api/{Service}/young-people/{id}")).StatusCode == HttpStatusCode.Forbidden, because: "the ending to be projected");
    }

    [Fact]
    public async Task The_ready_check_reports_database_bus_and_outbox()
    {
        using var client = Host.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("bus").GetProperty("status").GetString());
        Assert.Equal(0, checks.GetProperty("outbox").GetProperty("data").GetProperty("pending").GetInt64());
    }
}
