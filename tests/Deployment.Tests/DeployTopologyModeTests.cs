using System.Net;
using System.Net.Http.Json;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>
/// The migration Job's second step, <c>--deploy-topology</c> (issue 10: a broker confirm is not a delivery): the
/// service declares its queues, bound to the events it consumes, and exits without serving, so an event published by
/// another service before this one first starts waits in its queue. Its own virtual host, so the queues it finds can
/// only have come from this run.
/// </summary>
public sealed class DeployTopologyModeTests : IAsyncLifetime
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(90);
    private readonly string _vhost = $"test-topology-{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        using var management = TestBroker.ManagementClient();
        (await management.PutAsync($"api/vhosts/{_vhost}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/permissions/{_vhost}/{Uri.EscapeDataString(TestEnvironment.RabbitMqUser)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        using var management = TestBroker.ManagementClient();
        await management.DeleteAsync($"api/vhosts/{_vhost}");
    }

    [Fact]
    public async Task Started_with_deploy_topology_a_service_declares_its_queues_and_exits_without_serving()
    {
        var broker = await TestBroker.SettingsAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServiceProcess.FreePort()}",
            // No database is needed or touched by this step.
            ["ConnectionStrings__Outreach"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            ["Auth__SigningKey"] = TestTokens.SigningKey,
        };
        foreach (var (key, value) in broker)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        environment["RabbitMq__VirtualHost"] = _vhost;

        var result = await ServiceProcess.RunToExitAsync("Outreach.Api", "services/Outreach", ["--deploy-topology"], environment, ExitWithin);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Output}");
        using var management = TestBroker.ManagementClient();
        var queues = await management.GetFromJsonAsync<List<QueueName>>($"api/queues/{Uri.EscapeDataString(_vhost)}?columns=name") ?? [];
        Assert.Contains(queues, q => q.Name == "outreach-young-person-registered");
        Assert.Contains(queues, q => q.Name == "outreach-young-person-details-corrected");
        // The queue's exchange is bound to the event's exchange: a publish now lands in the queue.
        var bindings = await management.GetAsync(
            $"api/exchanges/{Uri.EscapeDataString(_vhost)}/outreach-young-person-registered/bindings/destination");
        Assert.Equal(HttpStatusCode.OK, bindings.StatusCode);
        Assert.Contains("YoungPersonRegistered", await bindings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record QueueName(string Name);
}
