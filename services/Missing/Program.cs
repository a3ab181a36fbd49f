using Support.Messaging;
using Support.Registry;
using Support.Missing;
using Support.Missing.Consumers;
using Support.Missing.Data;
using Support.Missing.Features.AbductionNotices;
using Support.Missing.Features.Episodes;
using Support.Missing.Features.ReturnInterviews;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Auth;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MissingDbContext>("Missing", MissingDbContext.Schema);
builder.AddSupportMessaging<MissingDbContext>("missing", bus =>
{
    bus.AddRegistryProjectionConsumers<MissingDbContext>("missing");
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

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRegistryProjection<MissingDbContext>("missing");
app.MapEpisodeEndpoints();
app.MapReturnInterviewEndpoints();
app.MapAbductionNoticeEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<MissingDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
