using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults.Data;
using Support.ServiceDefaults.Load;
using Support.SupportLine.Consumers;
using Support.SupportLine.Data;
using Support.SupportLine.Features.Conversations;
using Support.SupportLine.Features.DisclosurePacks;
using Support.SupportLine.Features.Escalation;
using Support.SupportLine.Features.Outbound;
using Support.SupportLine.Features.Phones;
using Support.SupportLine.Features.Reports;
using Support.SupportLine.Features.SafeContact;
using Support.SupportLine.Features.Webhooks;

namespace Support.SupportLine;

public static class SupportLineFeatures
{
    public static IHostApplicationBuilder AddSupportLineFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SupportLineDbContext>("SupportLine", SupportLineDbContext.Schema);
        builder.AddBurstQueue();
        builder.AddSupportMessaging<SupportLineDbContext>("supportline", bus =>
        {
            bus.AddRegistryProjectionConsumers<SupportLineDbContext>("supportline");
            bus.AddDisclosureContribution<SupportLineDbContext, RecordsForDisclosure>("supportline");
            bus.AddConsumer<SendSmsConsumer>();
            // SL-09: what became of a parent's or carer's report that the duty worker referred.
            bus.AddConsumer<ConversationReferralReceivedConsumer>();
            bus.AddConsumer<ConversationReferralDecidedConsumer>();
        });
        builder.Services.AddOptions<SupportLineOptions>().BindConfiguration(SupportLineOptions.Section)
            .Validate(o => o.IsValid(), "Sms: Transport twilio|dapr|local, a Dapr binding name, positive intervals and UnansweredAfter, MaxSendAttempts >= 1.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConversationEndpoints.InboxStaff, p => p.RequireRole(ConversationEndpoints.InboxRoles))
            .AddPolicy(ConversationEndpoints.DutyManagers, p => p.RequireRole(ConversationEndpoints.DutyManagerRoles))
            .AddPolicy(ConversationEndpoints.AlertReaders, p => p.RequireRole(ConversationEndpoints.AlertRoles));

        var twilio = builder.Services.AddHttpClient(TwilioSmsSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        var standIn = builder.Configuration[$"{SupportLineOptions.Section}:{nameof(SupportLineOptions.ApiBaseUrl)}"];
        if (!string.IsNullOrWhiteSpace(standIn))
        {
            twilio.AddHttpMessageHandler(() => new TwilioHostRewriteHandler(new Uri(standIn)));
        }
        // Twilio's 429 (error 20429) means the request was not processed and is safe to retry after backing off
        // (twilio.md §3); nothing else is retried, since a POST that may have been processed could text twice.
        twilio.AddResilienceHandler("twilio-429", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SupportLineOptions>>().Value;
            // Back-off is a real pause between HTTP attempts, not domain time: it runs on the system clock.
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                ShouldRetryAfterHeader = true,
            });
        });
        var transport = builder.Configuration[$"{SupportLineOptions.Section}:{nameof(SupportLineOptions.Transport)}"] ?? "twilio";
        if (transport == "local")
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException("Sms:Transport=local is for development only.");
            }
            builder.Services.AddScoped<ISmsSender, LocalOutboxSender>();
            builder.Services.AddScoped<ICallPlacer, LocalCallPlacer>();
        }
        else if (transport == "dapr")
        {
            // One client for the process, as Dapr advises (it holds the gRPC channel to the sidecar).
            builder.Services.AddSingleton(services =>
            {
                var endpoints = services.GetRequiredService<IOptions<SupportLineOptions>>().Value.Dapr;
                var dapr = new Dapr.Client.DaprClientBuilder();
                if (!string.IsNullOrWhiteSpace(endpoints.GrpcEndpoint))
                {
                    dapr.UseGrpcEndpoint(endpoints.GrpcEndpoint);
                }
                if (!string.IsNullOrWhiteSpace(endpoints.HttpEndpoint))
                {
                    dapr.UseHttpEndpoint(endpoints.HttpEndpoint);
                }
                return dapr.Build();
            });
            builder.Services.AddScoped<ISmsSender, DaprBindingSmsSender>();
            // The binding only sends texts: calls still go through Twilio's API with the account's credentials.
            builder.Services.AddScoped<ICallPlacer, TwilioCallPlacer>();
        }
        else
        {
            builder.Services.AddScoped<ISmsSender, TwilioSmsSender>();
            builder.Services.AddScoped<ICallPlacer, TwilioCallPlacer>();
        }

        builder.Services.AddSingleton<OutboundDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboundDispatcher>());
        builder.Services.AddSingleton<UnansweredEscalationJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredEscalationJob>());
        return builder;
    }

    public static WebApplication MapSupportLineApi(this WebApplication app)
    {
        app.MapRegistryProjection<SupportLineDbContext>("supportline");
        app.MapWebhookEndpoints();
        app.MapConversationEndpoints();
        app.MapPhoneEndpoints();
        app.MapSafeContactEndpoints();
        app.MapReportEndpoints();
        return app;
    }
}
