using Support.LeavingCare.Consumers;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features;
using Support.LeavingCare.Features.Accommodation;
using Support.LeavingCare.Features.Advisers;
using Support.LeavingCare.Features.Alerts;
using Support.LeavingCare.Features.CareLeavers;
using Support.LeavingCare.Features.DisclosurePacks;
using Support.LeavingCare.Features.MissingFollowUp;
using Support.LeavingCare.Features.Reports;
using Support.Messaging;
using Support.Registry;

namespace Support.LeavingCare;

/// <summary>The service's features in one place, so Program.cs only says what kind of service this is.</summary>
public static class LeavingCareApi
{
    public const string ServiceName = "leavingcare";

    public static WebApplicationBuilder AddLeavingCareFeatures(this WebApplicationBuilder builder)
    {
        builder.AddSupportMessaging<LeavingCareDbContext>(ServiceName, bus =>
        {
            // The registry projection is the shared one; the picture's birthdays are kept by consumers on their own queues.
            bus.AddRegistryProjectionConsumers<LeavingCareDbContext>(ServiceName);
            bus.AddDisclosureContribution<LeavingCareDbContext, RecordsForDisclosure>(ServiceName);
            bus.AddConsumer<PictureOnRegistrationConsumer>();
            bus.AddConsumer<PictureOnCorrectionConsumer>();
            bus.AddConsumer<RiskLevelChangedConsumer>();
            bus.AddConsumer<RiskReviewOpenedConsumer>();
            bus.AddConsumer<RiskReviewCompletedConsumer>();
            bus.AddConsumer<ReferralDecidedConsumer>();
            bus.AddConsumer<StrategyMeetingFinalisedConsumer>();
            bus.AddConsumer<StrategyActionCompletedConsumer>();
            bus.AddConsumer<MissingEpisodeReportedConsumer>();
            bus.AddConsumer<ReturnInterviewCompletedConsumer>();
            bus.AddConsumer<OutreachConcernRaisedConsumer>();
            bus.AddConsumer<YoungPersonViewsRecordedConsumer>();
            bus.AddConsumer<YoungPersonsWordsRecordedConsumer>();
            bus.AddConsumer<TherapyReferralAcceptedConsumer>();
            bus.AddConsumer<TherapyReferralDeclinedConsumer>();
            bus.AddConsumer<TherapyEpisodeClosedConsumer>();
            bus.AddConsumer<YoungPersonReturnedConsumer>();
            bus.AddConsumer<CareLeaverMissingFollowUpConsumer>();
            bus.AddConsumer<ReturnInterviewLinksProposedConsumer>();
            bus.AddConsumer<PlacementStartedConsumer>();
            bus.AddConsumer<PlacementEndedConsumer>();
        });
        builder.Services.AddOptions<LeavingCareOptions>().BindConfiguration(LeavingCareOptions.Section)
            .Validate(o => o.IsValid(), "LeavingCare: HandoverAlertLeadDays > EscalationLeadDays >= 1, PathwayPlanFromAge 14-17, SupportUntilAge 18-30, AlertCheckInterval up to a day.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Access.LeavingCareTeam, p => p.RequireRole(Access.TeamRoles))
            .AddPolicy(Access.UnmetNeedRecorders, p => p.RequireRole(Access.UnmetNeedRoles));
        builder.Services.AddSingleton<HandoverAlertJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoverAlertJob>());
        builder.Services.AddSingleton<AlertAcknowledgementEscalationJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertAcknowledgementEscalationJob>());
        return builder;
    }

    public static WebApplication MapLeavingCareApi(this WebApplication app)
    {
        app.MapRegistryProjection<LeavingCareDbContext>(ServiceName);
        app.MapAdviserEndpoints();
        app.MapCareLeaverEndpoints();
        app.MapAlertEndpoints();
        app.MapAccommodationEndpoints();
        app.MapReportEndpoints();
        app.MapMissingFollowUpEndpoints();
        return app;
    }
}
