using Support.Messaging;
using Support.Registry;
using Support.Missing.Consumers;
using Support.Missing.Data;
using Support.Missing.Features.AbductionNotices;
using Support.Missing.Features.DisclosurePacks;
using Support.Missing.Features.Alerts;
using Support.Missing.Features.Episodes;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults.Auth;

namespace Support.Missing;

/// <summary>The service's features in one place, so Program.cs only says what kind of service this is.</summary>
public static class MissingApi
{
    public const string ServiceName = "missing";

    public static WebApplicationBuilder AddMissingFeatures(this WebApplicationBuilder builder)
    {
        builder.AddSupportMessaging<MissingDbContext>(ServiceName, bus =>
        {
            bus.AddRegistryProjectionConsumers<MissingDbContext>(ServiceName);
            bus.AddDisclosureContribution<MissingDbContext, RecordsForDisclosure>(ServiceName);
            bus.AddConsumer<ReportWhereaboutsUnknownConsumer>();
        });
        builder.Services.AddOptions<MissingOptions>().BindConfiguration(MissingOptions.Section)
            .Validate(o => o.IsValid(), "Missing: RepeatThreshold >= 2, RepeatWindowDays >= 1, ReturnInterviewDeadlineHours >= 1, OverdueCheckInterval > 0.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ReturnInterviewEndpoints.RhiWorkers, p => p.RequireRole(Roles.RhiWorker))
            .AddPolicy(AbductionNoticeEndpoints.NoticeRecorders, p => p.RequireRole(AbductionNoticeEndpoints.RecorderRoles));
        builder.Services.AddSingleton<ReturnInterviewOverdueJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReturnInterviewOverdueJob>());
        return builder;
    }

    public static WebApplication MapMissingApi(this WebApplication app)
    {
        app.MapRegistryProjection<MissingDbContext>(ServiceName);
        app.MapEpisodeEndpoints();
        app.MapReturnInterviewEndpoints();
        app.MapAbductionNoticeEndpoints();
        app.MapAlertEndpoints();
        return app;
    }
}
