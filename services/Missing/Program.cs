using MassTransit;
using Support.Messaging;
using Support.Missing.Data;
using Support.Missing.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MissingDbContext>("Missing", MissingDbContext.Schema);
builder.AddSupportMessaging<MissingDbContext>("missing", bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<MissingDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
