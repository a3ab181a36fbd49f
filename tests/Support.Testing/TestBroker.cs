using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Support.Testing;

/// <summary>
/// A RabbitMQ virtual host for this test run (one per test process), so parallel test assemblies never compete for
/// each other's queues and nothing is left in the shared default vhost. Deleted when the process exits.
/// </summary>
public static class TestBroker
{
    private static readonly Lazy<Task<string>> Current = new(CreateVirtualHostAsync);

    public static Task<string> VirtualHostAsync() => Current.Value;

    /// <summary>Configuration keys a service host needs to reach the broker in the test vhost.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> SettingsAsync() => Settings(await VirtualHostAsync());

    /// <summary>Configuration keys a service host needs to reach the broker in <paramref name="virtualHost"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string virtualHost) => new Dictionary<string, string?>
    {
        ["RabbitMq:Host"] = TestEnvironment.RabbitMq.Host,
        ["RabbitMq:Port"] = TestEnvironment.RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = virtualHost,
        ["RabbitMq:Username"] = TestEnvironment.RabbitMqUser,
        ["RabbitMq:Password"] = TestEnvironment.RabbitMqPassword,
    };

    public static HttpClient ManagementClient()
    {
        var client = new HttpClient { BaseAddress = TestEnvironment.RabbitMqManagement, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitMqUser}:{TestEnvironment.RabbitMqPassword}")));
        return client;
    }

    /// <summary>Number of messages waiting in a queue of the test vhost, or null if the queue does not exist.</summary>
    public static async Task<long?> QueueDepthAsync(string queue)
    {
        using var client = ManagementClient();
        var vhost = Uri.EscapeDataString(await VirtualHostAsync());
        using var response = await client.GetAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var body = await response.Content.ReadFromJsonAsync<QueueInfo>();
        return body?.Messages ?? 0;
    }

    private sealed record QueueInfo(long? Messages);

    /// <summary>
    /// A new vhost of its own, deleted when the process exits: for a suite whose services must not share queues with
    /// another platform in the same test process (the fault suite counts every message left in its vhost).
    /// </summary>
    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = $"test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
        using var client = ManagementClient();
        (await client.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(TestEnvironment.RabbitMqUser)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var cleanup = ManagementClient();
            cleanup.DeleteAsync($"api/vhosts/{name}").GetAwaiter().GetResult();
        };
        return name;
    }
}
