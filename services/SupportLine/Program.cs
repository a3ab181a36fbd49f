using MassTransit;
using Support.Messaging;
using Support.SupportLine.Data;
using Support.SupportLine.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<SupportLineDbContext>("SupportLine", SupportLineDbContext.Schema);
builder.AddSupportMessaging<SupportLineDbContext>("supportline", bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<SupportLineDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
