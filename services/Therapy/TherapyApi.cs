using Support.Messaging;
using Support.Registry;
using Support.Therapy.Consumers;
using Support.Therapy.Data;
using Support.Therapy.Features;
using Support.Therapy.Features.DisclosurePacks;
using Support.Therapy.Features.Feedback;
using Support.Therapy.Features.HealthIndicators;
using Support.Therapy.Features.Providers;
using Support.Therapy.Features.Referrals;
using Support.Therapy.Features.Reports;
using Support.Therapy.Features.Tasks;

namespace Support.Therapy;

/// <summary>The service's features in one place, so Program.cs only says what kind of service this is.</summary>
public static class TherapyApi
{
    public const string ServiceName = "therapy";

    public static WebApplicationBuilder AddTherapyFeatures(this WebApplicationBuilder builder)
    {
        builder.AddSupportMessaging<TherapyDbContext>(ServiceName, bus =>
        {
            bus.AddRegistryProjectionConsumers<TherapyDbContext>(ServiceName);
            bus.AddDisclosureContribution<TherapyDbContext, RecordsForDisclosure>(ServiceName);
            bus.AddConsumer<RiskLevelChangedConsumer>();
            bus.AddConsumer<KeyWorkerAssignedConsumer>();
            bus.AddConsumer<KeyWorkerAllocationEndedConsumer>();
            bus.AddConsumer<UnmetNeedLedgerConsumer>();
            bus.AddConsumer<UnmetNeedResolvedLedgerConsumer>();
            bus.AddConsumer<ReferralDemandConsumer>();
            bus.AddConsumer<ReferralReclassificationConsumer>();
            bus.AddConsumer<MissingEpisodeFactConsumer>();
            bus.AddConsumer<ReturnInterviewDueFactConsumer>();
            bus.AddConsumer<ReturnInterviewCompletedFactConsumer>();
            bus.AddConsumer<ReturnInterviewNotHeldFactConsumer>();
            bus.AddConsumer<RiskAssessmentFlagConsumer>();
            bus.AddConsumer<CriticalIncidentFactConsumer>();
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Access.Clinicians, p => p.RequireRole(Access.ClinicianRoles))
            .AddPolicy(Access.OfferManagers, p => p.RequireRole(Access.OfferManagerRoles))
            .AddPolicy(Access.HealthRecorders, p => p.RequireRole(Access.HealthRecorderRoles))
            .AddPolicy(Access.FeedbackRecorders, p => p.RequireRole(Access.FeedbackRecorderRoles))
            .AddPolicy(Access.HistoricFigureImporters, p => p.RequireRole(Access.HistoricFigureImporterRoles));
        builder.Services.AddSingleton<WaitingWellJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WaitingWellJob>());
        builder.Services.AddSingleton<AdultTransitionJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdultTransitionJob>());
        return builder;
    }

    public static WebApplication MapTherapyApi(this WebApplication app)
    {
        app.MapRegistryProjection<TherapyDbContext>(ServiceName);
        app.MapProviderEndpoints();
        app.MapReferralEndpoints();
        app.MapTaskEndpoints();
        app.MapHealthIndicatorEndpoints();
        app.MapFeedbackEndpoints();
        app.MapReportEndpoints();
        return app;
    }
}
