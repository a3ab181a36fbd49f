using System.Reflection;
using MassTransit;
using Support.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Support.Contracts.Registry;
using Support.Messaging.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Support.ServiceDefaults.Health;
using Support.ServiceDefaults.Deployment;
using Support.ServiceDefaults.Operations;

namespace Support.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit on RabbitMQ (settings under <c>RabbitMq:</c>), queues named <c>{service}-{consumer}</c> so two
    /// services never compete for one queue, message retry then the <c>_error</c> queue, plus the outbox (writer,
    /// relay, backlog metrics and ready check) over <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSupportMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        params Assembly[] extraContractAssemblies)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.AddOptions<OutboxRelayOptions>().BindConfiguration("Outbox");
        services.TryAddSingleton(new MessageTypeRegistry([typeof(YoungPersonRegistered).Assembly, .. extraContractAssemblies]));
        services.TryAddSingleton<OutboxMonitor>();
        services.AddScoped<IOutbox, EfOutbox<TContext>>();
        services.TryAddSingleton<OutboxSignal<TContext>>();
        services.TryAddSingleton<OutboxCommitInterceptor<TContext>>();
        services.ConfigureDbContext<TContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor<TContext>>()));
        services.AddHealthChecks().AddCheck<OutboxHealthCheck<TContext>>("outbox", tags: [HealthTags.Ready]);
        services.AddScoped<OutboxOperations<TContext>>();
        services.AddSingleton<IOperatorEndpoints, OutboxOperations<TContext>.Endpoints>();
        services.AddSingleton<IDeploymentStep, BusTopologyDeployment>();

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            // The bus is reported on /health/ready but never gates it: with the broker down a service must keep taking
            // the writes its outbox exists to hold. A broker outage shows as Degraded (HTTP 200) with the endpoints'
            // state, tagged "bus" for anyone who wants to watch it alone.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "bus";
                o.MinimalFailureStatus = HealthStatus.Degraded;
                o.Tags.Add(HealthTags.Ready);
                o.Tags.Add(HealthTags.Bus);
            });
            configureConsumers?.Invoke(x);
            // RabbitMq:QueueType: "classic" (default, the single local broker) or "quorum" (replicated, for the
            // three-node cluster in k8s/). Applied to every endpoint ConfigureEndpoints creates.
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && UsesQuorumQueues(context.GetRequiredService<IConfiguration>()))
                {
                    rabbit.SetQuorumQueue();
                }
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                var settings = context.GetRequiredService<IConfiguration>().GetSection("RabbitMq");
                cfg.Host(
                    settings["Host"] ?? "127.0.0.1",
                    ushort.Parse(settings["Port"] ?? "5672", System.Globalization.CultureInfo.InvariantCulture),
                    settings["VirtualHost"] ?? "/",
                    h =>
                    {
                        h.Username(settings["Username"] ?? "guest");
                        h.Password(settings["Password"] ?? "guest");
                    });
                cfg.ConfigureJsonSerializerOptions(MessagingJson.Configure);
                // In the deployment step (--migrate) the bus only declares this service's queues and bindings.
                cfg.DeployTopologyOnly = DeploymentMode.Requested || settings.GetValue<bool>("DeployTopologyOnly");
                // The database restarting, unreachable or out of disk is no fault of the message: it is kept (unacked,
                // retried in the consumer) for about ten minutes, never dead-lettered for an outage (issue 17, faults).
                cfg.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(DatabaseUnavailable.Is);
                    r.Exponential(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
                });
                // Short in-process retries for other transient faults; after that the message goes to the endpoint's
                // _error queue and the next message is processed (no delayed-redelivery plugin on our broker). The two
                // policies must not overlap: a nested MassTransit retry that gives up on an exception stops every
                // retry around it too.
                cfg.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(DatabaseUnavailable.Is);
                    r.Intervals(100, 500, 1000);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        // After the bus: hosted services start in order and stop in reverse, so the relay starts once the bus is up and
        // stops before it, never publishing into a bus that is shutting down.
        services.AddHostedService<OutboxRelay<TContext>>();
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    private static bool UsesQuorumQueues(IConfiguration configuration) => configuration["RabbitMq:QueueType"]?.ToLowerInvariant() switch
    {
        null or "" or "classic" => false,
        "quorum" => true,
        var other => throw new InvalidOperationException($"RabbitMq:QueueType must be classic or quorum, not '{other}'."),
    };
}
