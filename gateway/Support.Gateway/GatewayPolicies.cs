using System.Threading.RateLimiting;
using Support.ServiceDefaults.Auth;

namespace Support.Gateway;

public static class GatewayPolicies
{
    /// <summary>Any professional: case staff and those who oversee them. Never a commissioner or governance member.</summary>
    public const string Professionals = nameof(Professionals);
    /// <summary>Fixed window per client address for public webhooks (Twilio), which carry no token.</summary>
    public const string WebhookRateLimit = "webhooks";
    /// <summary>Per signed-in user, so one runaway client cannot starve the rest.</summary>
    public const string UserRateLimit = "per-user";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Professionals, p => p.RequireRole(Roles.CaseStaff.Union(Roles.AccessLogReaders)));

        var limits = builder.Configuration.GetSection("RateLimits");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(WebhookRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.GetValue("WebhookPermitsPerMinute", 120),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(UserRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.GetValue("UserPermitsPerMinute", 6000),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });

        builder.Services.AddHttpClient(ServiceHealth.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }
}
