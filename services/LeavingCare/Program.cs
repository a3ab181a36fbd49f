using MassTransit;
using Support.Messaging;
using Support.LeavingCare.Data;
using Support.LeavingCare.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<LeavingCareDbContext>("LeavingCare", LeavingCareDbContext.Schema);
builder.AddSupportMessaging<LeavingCareDbContext>("leavingcare", bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<LeavingCareDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
