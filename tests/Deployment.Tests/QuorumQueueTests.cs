using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Support.Contracts.Registry;
using Support.Outreach.Data;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>
/// k8s/ runs RabbitMQ as a three-node cluster with quorum queues (RabbitMq__QueueType=quorum): a real service (Outreach)
/// on the local broker with that setting declares its queues as quorum queues and still consumes from them.
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("quorum");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Outreach"] = PostgresDatabases.ConnectionString(_database),
            ["RabbitMq:QueueType"] = "quorum",
        };
        _host = new ServiceHost<OutreachDbContext>(settings);
        _ = _host.Server; // declares and binds the service's queues
        _bus = await TestBus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
    }

    [Fact]
    public async Task With_the_queue_type_set_to_quorum_a_service_declares_quorum_queues_and_consumes_from_them()
    {
        var id = Guid.NewGuid();
        await _bus.PublishAsync(new YoungPersonRegistered
        {
            YoungPersonId = id, DisplayName = "Quinn Quorum", DateOfBirth = new DateOnly(2010, 3, 4), OccurredAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid());

        using var client = _host.ClientFor(Roles.SocialWorker, "quorum-reader");
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/outreach/young-people/{id}");
            return response.StatusCode == HttpStatusCode.OK;
        }, because: "the registration to be consumed from the quorum queue");

        var queue = await QueueAsync("outreach-young-person-registered");
        Assert.Equal("quorum", queue.GetProperty("type").GetString());
        Assert.Equal("quorum", queue.GetProperty("arguments").GetProperty("x-queue-type").GetString());
        Assert.True(queue.GetProperty("durable").GetBoolean());
        await Eventually.TrueAsync(async () => await TestBroker.QueueDepthAsync("outreach-young-person-registered") == 0, because: "the message to be acknowledged");
    }

    private static async Task<JsonElement> QueueAsync(string name)
    {
        using var management = TestBroker.ManagementClient();
        var vhost = Uri.EscapeDataString(await TestBroker.VirtualHostAsync());
        return await management.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}/{Uri.EscapeDataString(name)}");
    }
}
