namespace Support.Bench.Platform;

/// <summary>
/// Checks that what a benchmark depends on answers before it starts, so an outage (a stopped broker, a restarting
/// service) fails the benchmark with a clear message instead of producing a figure that measures the outage.
/// </summary>
public static class PlatformHealth
{
    public static async Task EnsureReadyAsync(CancellationToken cancellationToken, params Uri[] readinessUris)
    {
        using var client = BenchHttp.CreateClient(TimeSpan.FromSeconds(5));
        foreach (var uri in readinessUris)
        {
            string problem;
            try
            {
                using var response = await client.GetAsync(uri, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    continue;
                }
                problem = $"status {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                problem = e.Message;
            }
            throw new InvalidOperationException($"{uri} is not ready ({problem}); is the platform (and its broker) up?");
        }
    }

    public static Uri Ready(Uri service) => new(service, "/health/ready");
}
