using Support.LeavingCare;
using Support.LeavingCare.Consumers;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features;
using Support.LeavingCare.Features.Alerts;
using Support.Messaging;
using Support.Registry;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<LeavingCareDbContext>("LeavingCare", LeavingCareDbContext.Schema);
builder.AddSupportMessaging<LeavingCareDbContext>("leavingcare", bus =>
{
    // The registry projection is the shared one; the picture's birthdays are kept by consumers on their own queues.
    bus.AddRegistryProjectionConsumers<LeavingCareDbContext>("leavingcare");
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
});
builder.Services.AddOptions<LeavingCareOptions>().BindConfiguration(LeavingCareOptions.Section)
    .Validate(o => o.IsValid(), "LeavingCare: HandoverAlertLeadDays > EscalationLeadDays >= 1, PathwayPlanFromAge 14-17, SupportUntilAge 18-30, AlertCheckInterval up to a day.")
    .ValidateOnStart();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Access.LeavingCareTeam, p => p.RequireRole(Access.TeamRoles))
    .AddPolicy(Access.UnmetNeedRecorders, p => p.RequireRole(Access.UnmetNeedRoles));
builder.Services.AddSingleton<HandoverAlertJob>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoverAlertJob>());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRegistryProjection<LeavingCareDbContext>("leavingcare");
app.MapLeavingCareEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<LeavingCareDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
