using Support.ServiceDefaults.Health;
using Yarp.ReverseProxy;

namespace Support.Gateway;

/// <summary>
/// <c>GET /health/services</c>: the ready state of every service behind the gateway, for the start page and for
/// operators. Anonymous callers get each service's status; a <c>PlatformOperator</c> token also gets its checks.
/// </summary>
public static class ServiceHealth
{
    public const string ClientName = "service-health";

    public sealed record ServiceStatus(string Service, string Status, int? HttpStatus, string? Detail);

    public static IEndpointRouteBuilder MapServiceHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/services", async (HttpContext context, IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            // A service's checks name the broker's address, queues and fault text: operators only (HealthResponseWriter).
            var details = HealthResponseWriter.MayShowDetails(context);
            var client = clients.CreateClient(ClientName);
            var checks = proxy.GetClusters().OrderBy(c => c.ClusterId).Select(async cluster =>
            {
                var destination = cluster.Destinations.Values.FirstOrDefault()?.Model.Config.Address;
                if (destination is null)
                {
                    return new ServiceStatus(cluster.ClusterId, "Unknown", null, "no destination configured");
                }
                try
                {
                    using var response = await client.GetAsync(new Uri(new Uri(destination), "/health/ready"), cancellationToken);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    return new ServiceStatus(cluster.ClusterId, response.IsSuccessStatusCode ? "Ready" : "NotReady", (int)response.StatusCode, details ? body : null);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return new ServiceStatus(cluster.ClusterId, "Unreachable", null, details ? e.GetType().Name : null);
                }
            });
            return TypedResults.Ok(await Task.WhenAll(checks));
        }).AllowAnonymous();
        return app;
    }
}
