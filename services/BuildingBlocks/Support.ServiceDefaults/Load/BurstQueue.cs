using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Support.ServiceDefaults.Load;

/// <summary>
/// A first-come, first-served queue in front of the endpoints that take bursts from outside (Twilio's webhooks,
/// outreach contacts sent from phones): at
/// most <c>Limits:BurstConcurrency</c> of them work on the database at once and the rest wait their turn, holding
/// nothing but their request. Without it a burst beyond what the machine can do at that moment (the first seconds
/// after a start, when nothing is compiled yet) let thousands of requests in together: they waited for the 100 pooled
/// connections, timed out, and every abandoned command sent PostgreSQL a cancel request over a new connection opened
/// synchronously on a thread-pool thread. The service then served nothing for the rest of the burst (docs/benchmarks.md,
/// "A burst after a start"). Queued, the same burst is served in order at the rate the machine allows.
/// A request that waits longer than its caller is dropped from the queue unserved; a full queue answers 503 with
/// Retry-After, which Twilio treats as a failed delivery to retry or to send to the fallback URL, and which the web app's
/// offline queue keeps to send again with the same Idempotency-Key.
/// </summary>
public static class BurstQueue
{
    public const string PolicyName = "burst-queue";

    /// <summary>
    /// How many queued requests may work at once: four per processor (8 on the 2-core machine measured). More only
    /// contend for the same cores: on 2 cores, 24 at once served a fresh start's burst with p50 6.9 s and 489 texts/s
    /// sustained, 8 at once with p50 16 ms and 844 texts/s (docs/benchmarks.md, "A burst after a start").
    /// </summary>
    public static int DefaultConcurrency => 4 * Environment.ProcessorCount;

    /// <summary>How many may wait: a few seconds of work at the rates measured, well inside Twilio's 15 s.</summary>
    public const int DefaultQueueLength = 2000;

    public static IHostApplicationBuilder AddBurstQueue(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits");
        builder.Services.AddSingleton<Registered>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddConcurrencyLimiter(PolicyName, queue =>
            {
                queue.PermitLimit = limits.GetValue("BurstConcurrency", DefaultConcurrency);
                queue.QueueLimit = limits.GetValue("BurstQueueLength", DefaultQueueLength);
                queue.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            options.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = 1.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Busy; try again.",
                    detail: "Too many requests are waiting. Retry after the number of seconds in Retry-After.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Runs the queue in the service's pipeline (from UseServiceDefaults, after authorization), if registered.</summary>
    public static WebApplication UseBurstQueueIfAdded(this WebApplication app)
    {
        if (app.Services.GetService<Registered>() is not null)
        {
            app.UseRateLimiter();
        }
        return app;
    }

    /// <summary>Puts the endpoints in the queue (<see cref="AddBurstQueue"/> must have been called).</summary>
    public static TBuilder QueuedInBursts<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder
        => endpoints.RequireRateLimiting(PolicyName);

    /// <summary>Marks a service that added the queue, so the shared pipeline runs it only there.</summary>
    public sealed class Registered;
}
