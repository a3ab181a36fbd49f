using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Support.Messaging;

namespace Support.Bench.Relay;

/// <summary>
/// A host wired exactly as a service wires its messaging (<see cref="MessagingRegistration.AddSupportMessaging{TContext}"/>:
/// MassTransit on RabbitMQ plus the hosted <c>OutboxRelay</c>), over the scratch database and vhost. Warnings and
/// errors go to stderr; nothing else is logged.
/// </summary>
public static class RelayHost
{
    public static IHost Build(string connectionString, Uri rabbitMq, string virtualHost, int batchSize)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(BrokerSettings(rabbitMq, virtualHost));
        builder.Configuration.AddInMemoryCollection([new("Outbox:BatchSize", batchSize.ToString(CultureInfo.InvariantCulture))]);
        // Broker trouble shows in the relay's own warnings and in relay.rows_with_failed_publish; MassTransit would repeat
        // it, and would also log the publish that stopping the relay cancels (when the drain was capped) as a fault.
        builder.Logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("MassTransit", LogLevel.Critical)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<BenchDbContext>(o => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        builder.AddSupportMessaging<BenchDbContext>("bench");
        return builder.Build();
    }

    /// <summary>The <c>RabbitMq:*</c> settings a service's messaging reads, for the broker at <paramref name="rabbitMq"/> and a scratch vhost.</summary>
    public static Dictionary<string, string?> BrokerSettings(Uri rabbitMq, string virtualHost)
    {
        var (username, password) = Credentials(rabbitMq);
        return new()
        {
            ["RabbitMq:Host"] = rabbitMq.Host,
            ["RabbitMq:Port"] = rabbitMq.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = virtualHost,
            ["RabbitMq:Username"] = username,
            ["RabbitMq:Password"] = password,
        };
    }

    public static (string Username, string Password) Credentials(Uri amqp)
    {
        var parts = amqp.UserInfo.Split(':', 2);
        return parts.Length == 2
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
