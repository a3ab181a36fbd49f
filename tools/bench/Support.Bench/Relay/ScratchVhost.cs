using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Support.Bench.Platform;

namespace Support.Bench.Relay;

/// <summary>
/// A RabbitMQ virtual host created for one run through the management API and deleted (with everything in it) when
/// disposed.
/// </summary>
public sealed class ScratchVhost : IAsyncDisposable
{
    private readonly HttpClient _api;

    private ScratchVhost(Uri managementUri, string username, string password, string name)
    {
        Name = name;
        _api = BenchHttp.CreateClient();
        _api.BaseAddress = managementUri;
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    }

    public string Name { get; }

    private string VhostPath => Uri.EscapeDataString(Name);

    public static async Task<ScratchVhost> CreateAsync(Uri managementUri, string username, string password, string name, CancellationToken cancellationToken)
    {
        var vhost = new ScratchVhost(managementUri, username, password, name);
        try
        {
            await vhost.PutAsync($"api/vhosts/{vhost.VhostPath}", new { }, cancellationToken);
            await vhost.PutAsync($"api/permissions/{vhost.VhostPath}/{Uri.EscapeDataString(username)}",
                new { configure = ".*", write = ".*", read = ".*" }, cancellationToken);
            return vhost;
        }
        catch
        {
            await vhost.DisposeAsync();
            throw;
        }
    }

    /// <summary>Declares a durable fanout exchange, as MassTransit declares a message type's exchange.</summary>
    public Task DeclareFanoutExchangeAsync(string exchange, CancellationToken cancellationToken) =>
        PutAsync($"api/exchanges/{VhostPath}/{Uri.EscapeDataString(exchange)}",
            new { type = "fanout", durable = true, auto_delete = false, @internal = false, arguments = new { } }, cancellationToken);

    public async Task DeclareBoundQueueAsync(string exchange, string queue, CancellationToken cancellationToken)
    {
        await PutAsync($"api/queues/{VhostPath}/{Uri.EscapeDataString(queue)}",
            new { durable = true, auto_delete = false, arguments = new { } }, cancellationToken);
        using var response = await _api.PostAsJsonAsync(
            $"api/bindings/{VhostPath}/e/{Uri.EscapeDataString(exchange)}/q/{Uri.EscapeDataString(queue)}",
            new { routing_key = "", arguments = new { } }, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Messages in a queue as the management statistics report them (refreshed every few seconds).</summary>
    public async Task<long> QueueDepthAsync(string queue, CancellationToken cancellationToken)
    {
        using var response = await _api.GetAsync($"api/queues/{VhostPath}/{Uri.EscapeDataString(queue)}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0;
    }

    /// <summary>Deletes the vhost; a failure is reported on stderr (with the command to finish the job), never thrown.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var response = await _api.DeleteAsync($"api/vhosts/{VhostPath}");
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(
                $"could not delete RabbitMQ vhost {Name} ({e.Message}); delete it with: curl -u guest:guest -X DELETE {_api.BaseAddress}api/vhosts/{VhostPath}");
        }
        finally
        {
            _api.Dispose();
        }
    }

    private async Task PutAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _api.PutAsJsonAsync(path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"RabbitMQ management API: {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {body}");
        }
    }
}
