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
/// on the local broker with that setting declares its queues as quorum queues and still consumes from them. Its own
/// virtual host: a queue's type cannot change, and other tests in this run declare the same queues as classic.
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private readonly string _vhost = $"test-quorum-{Guid.NewGuid():N}"[..28];
    private string _database = "";
    private ServiceHost<OutreachDbContext> _host = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabases.CreateAsync<OutreachDbContext>("quorum");
        var settings = new Dictionary<string, string?>(await TestBroker.SettingsAsync())
        {
            ["ConnectionStrings:Outreach"] = PostgresDatabases.ConnectionString(_database),
            ["RabbitMq:VirtualHost"] = _vhost,
            ["RabbitMq:QueueType"] = "quorum",
        };
        using (var management = TestBroker.ManagementClient())
        {
            (await management.PutAsync($"api/vhosts/{_vhost}", null)).EnsureSuccessStatusCode();
            (await management.PutAsJsonAsync($"api/permissions/{_vhost}/{Uri.EscapeDataString(TestEnvironment.RabbitMqUser)}",
                new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        }
        _host = new ServiceHost<OutreachDbContext>(settings);
        _ = _host.Server; // declares and binds the service's queues
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestEnvironment.RabbitMq.Host, (ushort)TestEnvironment.RabbitMq.Port, _vhost, h =>
            {
                h.Username(TestEnvironment.RabbitMqUser);
                h.Password(TestEnvironment.RabbitMqPassword);
            });
            cfg.ConfigureJsonSerializerOptions(Support.Messaging.MessagingJson.Configure);
        });
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _host.DisposeAsync();
        await PostgresDatabases.DropAsync(_database);
        using var management = TestBroker.ManagementClient();
        await management.DeleteAsync($"api/vhosts/{_vhost}");
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
        await Eventually.TrueAsync(async () => (await QueueAsync("outreach-young-person-registered")).TryGetProperty("messages", out var messages) && messages.GetInt64() == 0,
            because: "the message to be acknowledged");
    }

    private async Task<JsonElement> QueueAsync(string name)
    {
        using var management = TestBroker.ManagementClient();
        return await management.GetFromJsonAsync<JsonElement>($"api/queues/{_vhost}/{Uri.EscapeDataString(name)}");
    }
}
