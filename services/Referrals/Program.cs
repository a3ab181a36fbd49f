using MassTransit;
using Support.Messaging;
using Support.Referrals;
using Support.Referrals.Data;
using Support.Referrals.Features.OrganisedAbuse;
using Support.Referrals.Features.Cases;
using Support.Referrals.Features.ManagerTasks;
using Support.Referrals.Features.RiskAssessments;
using Support.Referrals.Features.Chronology;
using Support.Referrals.Features.Referrals;
using Support.Referrals.Features.RiskReviews;
using Support.Referrals.Features.S47Pathways;
using Support.Referrals.Features.StrategyMeetings;
using Support.Referrals.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<ReferralsDbContext>("Referrals", ReferralsDbContext.Schema);
builder.Services.AddOptions<S47Options>().BindConfiguration(S47Options.Section)
    .Validate(o => o.IsValid(), "S47: every deadline >= 1 and OrganisedAbuseThreshold >= 2.")
    .ValidateOnStart();
builder.AddSupportMessaging<ReferralsDbContext>("referrals", bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.AddCases();
builder.Services.AddSingleton<RiskReviewOverdueJob>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<RiskReviewOverdueJob>());
builder.AddReferrals();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();
app.MapRiskReviewEndpoints();
app.MapS47PathwayEndpoints();
app.MapStrategyMeetingEndpoints();
app.MapOrganisedAbuseEndpoints();
app.MapCaseEndpoints();
app.MapRiskAssessmentEndpoints();
app.MapManagerTaskEndpoints();
app.MapChronologyEndpoints();
app.MapReferralEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<ReferralsDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
