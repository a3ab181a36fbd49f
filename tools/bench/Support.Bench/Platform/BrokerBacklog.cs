using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Support.Bench.Relay;

namespace Support.Bench.Platform;

/// <summary>
/// The messages waiting in the platform's queues (the default virtual host), read from RabbitMQ's management API.
/// The suite waits for them to drain between benchmarks, so that each one measures its own work and not the fan-out
/// the one before it left on the bus. Dead-letter queues (<c>_error</c>, <c>_skipped</c>) hold messages nobody will
/// consume, so they do not count.
/// </summary>
public sealed class BrokerBacklog : IDisposable
{
    private readonly HttpClient _api;

    public BrokerBacklog(Uri managementUri, Uri amqp)
    {
        var (username, password) = RelayHost.Credentials(amqp);
        _api = BenchHttp.CreateClient();
        _api.BaseAddress = managementUri;
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    }

    /// <summary>Ready and unacknowledged messages in every consumed queue of the default virtual host.</summary>
    public async Task<long> WaitingAsync(CancellationToken cancellationToken)
    {
        using var response = await _api.GetAsync("api/queues/%2F?columns=name,messages", cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        long waiting = 0;
        foreach (var queue in json.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString() ?? "";
            if (name.EndsWith("_error", StringComparison.Ordinal) || name.EndsWith("_skipped", StringComparison.Ordinal))
            {
                continue;
            }
            // The management API reports a queue's counts a few seconds late and omits them for a queue just declared.
            waiting += queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0;
        }
        return waiting;
    }

    /// <summary>Waits until no message is waiting, or <paramref name="atMost"/> has passed; returns how long it waited and what was left.</summary>
    public async Task<(TimeSpan Waited, long Left)> DrainedAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var left = await WaitingAsync(cancellationToken);
        while (left > 0 && DateTime.UtcNow - started < atMost)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            left = await WaitingAsync(cancellationToken);
        }
        return (DateTime.UtcNow - started, left);
    }

    public void Dispose() => _api.Dispose();
}
