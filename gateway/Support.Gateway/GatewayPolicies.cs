using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Support.ServiceDefaults.Auth;

namespace Support.Gateway;

public static class GatewayPolicies
{
    /// <summary>Any professional: case staff and those who oversee them. Never a commissioner or governance member.</summary>
    public const string Professionals = nameof(Professionals);
    /// <summary>The one report write: importing historic figures (COM-01), for commissioners and governance only.</summary>
    public const string HistoricFigureImporters = nameof(HistoricFigureImporters);
    /// <summary>A young person or adult survivor signed in to ask for their own record (issue 16 item 4).</summary>
    public const string DataSubjects = nameof(DataSubjects);
    /// <summary>Fixed window per client address for public webhooks (Twilio), which carry no token.</summary>
    public const string WebhookRateLimit = "webhooks";
    /// <summary>Per signed-in user, so one runaway client cannot starve the rest.</summary>
    public const string UserRateLimit = "per-user";
    /// <summary>Route metadata key: the largest body the route accepts, in bytes (webhooks: 64 KB).</summary>
    public const string MaxRequestBodyBytes = nameof(MaxRequestBodyBytes);

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Professionals, p => p.RequireRole(Roles.CaseStaff.Union(Roles.AccessLogReaders)))
            .AddPolicy(HistoricFigureImporters, p => p.RequireRole(Roles.HistoricFigureImporters))
            .AddPolicy(DataSubjects, p => p.RequireRole(Roles.DataSubjects));

        var limits = builder.Configuration.GetSection("RateLimits");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Partitions key on the connection's peer: the forwarded-headers middleware only replaces it with
            // X-Forwarded-For when the peer is a configured proxy (ForwardedHeaders:KnownProxies), so a client cannot
            // pick its own partition by forging the header.
            options.AddPolicy(WebhookRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                Peer(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.GetValue("WebhookPermitsPerMinute", 120),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(UserRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? Peer(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.GetValue("UserPermitsPerMinute", 6000),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // Every request without a valid token, whatever its route, shares one budget per peer: a flood of 401s
            // (thousands a second once) costs a token check each and is now cut off with 429.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("signed-in")
                    : RateLimitPartition.GetFixedWindowLimiter("anonymous:" + Peer(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.GetValue("AnonymousPermitsPerMinute", 600),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : 60;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests.",
                    detail: "Wait for the number of seconds in Retry-After before trying again.").ExecuteAsync(rejected.HttpContext);
            };
        });

        builder.Services.AddHttpClient(ServiceHealth.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }

    /// <summary>
    /// Each proxied route's body limit (route metadata <see cref="MaxRequestBodyBytes"/>), enforced before the body
    /// is read or forwarded by the shared RequestBodyLimit middleware; routes without one keep the server default.
    /// </summary>
    public static void LimitBodies(this ReverseProxyConventionBuilder proxy) =>
        proxy.ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.TryGetValue(MaxRequestBodyBytes, out var text) == true
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
            {
                endpoint.WithMetadata(new RequestSizeLimitAttribute(bytes));
            }
        });

    private static string Peer(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
