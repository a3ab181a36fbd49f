using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Correlation;
using Support.ServiceDefaults.Health;
using Support.ServiceDefaults.Jobs;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Secrets;

namespace Support.ServiceDefaults;

public static class Extensions
{
    /// <summary>Meters and activity sources every service exports.</summary>
    public static readonly string[] TelemetrySources = ["MassTransit", "Npgsql", "Support.Messaging", JobHeartbeat.MeterName];

    /// <summary>
    /// Everything a Support service shares: JWT auth with role policies, ProblemDetails for every error, enums as
    /// strings, health checks, OpenTelemetry, correlation ids, forwarded headers and an injectable clock.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // First: the secrets it reads (Secrets:Provider=dapr) are configuration everything below may need.
        builder.AddDaprSecretsIfConfigured();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobHeartbeat>();
        builder.Services.AddHttpContextAccessor();
        builder.AddSupportAuthentication();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("correlationId", CorrelationId.Current);
        });
        builder.Services.AddExceptionHandler<SupportExceptionHandler>();
        // Unreadable bodies reach SupportExceptionHandler, which names the field, instead of an anonymous 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddHealthChecks();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the gateway (loopback in development, the cluster network in k8s via configuration) is trusted.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });

        // The endpoint list a partner or the README points at: /openapi/v1.json, generated from the minimal APIs.
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"Support {builder.Environment.ApplicationName}";
            document.Info.Description = "Every endpoint needs a bearer token (issuer and audience support-platform) unless marked otherwise.";
            return Task.CompletedTask;
        }));

        builder.AddOpenTelemetry();
        return builder;
    }

    private static void AddOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(TelemetrySources));
        // Export only where a collector is configured; nothing leaves the machine by default.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>The shared middleware pipeline, in the order it must run.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (database, bus and outbox) and the OpenAPI document
    /// at <c>/openapi/v1.json</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        foreach (var contributor in app.Services.GetServices<Operations.IOperatorEndpoints>())
        {
            contributor.Map(app);
        }
        // The API description holds no data, only routes and shapes; partners read it before they have a token.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
