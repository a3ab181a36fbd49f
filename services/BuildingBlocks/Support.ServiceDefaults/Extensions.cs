using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Correlation;
using Support.ServiceDefaults.Health;
using Support.ServiceDefaults.Input;
using Support.ServiceDefaults.Jobs;
using Support.ServiceDefaults.Problems;
using Support.ServiceDefaults.Secrets;

namespace Support.ServiceDefaults;

public static class Extensions
{
    /// <summary>Meters and activity sources every service exports.</summary>
    public static readonly string[] TelemetrySources = ["MassTransit", "Npgsql", "Support.Messaging", JobHeartbeat.MeterName];

    /// <summary>The body limit of every endpoint that does not declare its own: 256 KB.</summary>
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>
    /// Everything a Support service shares: JWT auth with role policies, ProblemDetails for every error, enums as
    /// strings, health checks, OpenTelemetry, correlation ids, forwarded headers and an injectable clock.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // First: the secrets it reads (Secrets:Provider=dapr) are configuration everything below may need.
        builder.AddDaprSecretsIfConfigured();
        builder.Services.AddSingleton(TimeProvider.System);
        // Who outside the case team may see which young people, on what terms (REC-11): read and checked on first use.
        builder.Services.AddSingleton(_ => InformationSharingProtocol.From(builder.Configuration));
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
        // Enums by defined name only, no control characters, dates in range, no unknown members (Input/StrictJson).
        builder.Services.ConfigureHttpJsonOptions(options => StrictJson.Apply(options.SerializerOptions));
        // Bodies are limited before anything parses them: a few hundred KB holds any case record; an endpoint that
        // needs less or more says so with .WithRequestSizeLimit / [RequestSizeLimit] (webhooks: 64 KB).
        builder.Services.Configure<KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));
        builder.Services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = (int)DefaultMaxRequestBodyBytes;
            options.MultipartBodyLengthLimit = DefaultMaxRequestBodyBytes;
        });

        builder.Services.AddHealthChecks();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // X-Forwarded-For is believed only from the proxies named in ForwardedHeaders:KnownProxies (addresses) and
            // ForwardedHeaders:KnownNetworks (CIDRs). When either is configured, even as "none" (the gateway, the public
            // edge, trusts nobody unless told), the framework's default of "any loopback peer" is dropped: a forged
            // header from a local client once moved it into another rate-limit partition.
            var proxies = builder.Configuration["ForwardedHeaders:KnownProxies"];
            var networks = builder.Configuration["ForwardedHeaders:KnownNetworks"];
            if (proxies is not null || networks is not null)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still holds the loopback default and is still consulted
                options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
                foreach (var proxy in (proxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p != "none"))
                {
                    options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
                foreach (var network in (networks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n != "none"))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
                if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
                {
                    // Empty lists would mean "trust every peer" to the middleware: with no proxy, read no header.
                    options.ForwardedHeaders = ForwardedHeaders.None;
                }
            }
        });

        // The endpoint list a partner or the README points at: /openapi/v1.json, generated from the minimal APIs.
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Support {builder.Environment.ApplicationName}";
                document.Info.Description = "Every endpoint needs a bearer token (issuer and audience support-platform) unless marked otherwise.";
                return Task.CompletedTask;
            });
            // Feature files nest their records (RegisterYoungPerson.Request): named by type alone, fourteen of
            // Referrals' operations once shared one "Request" schema. Schemas are named with their declaring types.
            options.CreateSchemaReferenceId = OpenApiSchemas.ReferenceId;
            options.AddSchemaTransformer(OpenApiSchemas.DescribeEnumsByName);
            options.AddSchemaTransformer(OpenApiSchemas.DescribeStrictConverters);
        });

        builder.AddSupportTelemetry();
        return builder;
    }

    /// <summary>
    /// OpenTelemetry traces and metrics, exported by OTLP, only where a collector is configured
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, as the k8s manifests set it); without one the SDK is not registered at all.
    /// Registered with nothing to export to, it still recorded a trace of every request, database command and message
    /// for no reader. Measured on the gateway benchmark's request, warm: Referrals 0.47-0.48 ms of CPU a request with
    /// the SDK, 0.37 without; the gateway's hop 0.26-0.29 ms with, 0.18 without (docs/benchmarks.md, "Telemetry with
    /// no collector"). Where a collector is configured that is the price of the traces. Nothing leaves the machine by
    /// default.
    /// </summary>
    /// <returns>Whether telemetry was registered.</returns>
    public static bool AddSupportTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return false;
        }
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(TelemetrySources))
            .UseOtlpExporter();
        return true;
    }

    /// <summary>The shared middleware pipeline, in the order it must run.</summary>
    /// <param name="app">The service or gateway being built.</param>
    /// <param name="afterAuthentication">
    /// Middleware that needs the caller's identity but must run before authorization refuses anyone: the gateway's
    /// rate limiter, so that a flood of requests without a valid token is limited rather than answered 401 forever.
    /// </param>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? afterAuthentication = null)
    {
        if (!Data.ServiceDatabase.StartedToMigrate(Environment.GetCommandLineArgs())
            && !Deployment.DeploymentMode.Started(Environment.GetCommandLineArgs()))
        {
            // At start-up, not at the first request: a Production host with only the development key never starts.
            SupportAuthentication.EnsureProductionAuthentication(app.Configuration, app.Environment.EnvironmentName);
        }
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseStatusCodePages();
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        // Refused callers are answered before they could queue.
        Load.BurstQueue.UseBurstQueueIfAdded(app);
        app.UseMiddleware<RequestInputGuard>();
        app.UseMiddleware<Access.PartnerWriteGuard>();
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
            // Status only for anonymous outsiders; checks and their data for operators and the internal network.
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
