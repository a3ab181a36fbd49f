using MassTransit;
using Support.Messaging;
using Support.Outreach.Data;
using Support.Outreach.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<OutreachDbContext>("Outreach", OutreachDbContext.Schema);
builder.AddSupportMessaging<OutreachDbContext>("outreach", bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<OutreachDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
