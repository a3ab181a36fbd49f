using MassTransit;
using Support.Messaging;
using Support.Therapy.Data;
using Support.Therapy.Features.YoungPeople;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<TherapyDbContext>("Therapy", TherapyDbContext.Schema);
builder.AddSupportMessaging<TherapyDbContext>("therapy", bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapYoungPeopleEndpoints();

await app.MigrateDatabaseIfConfiguredAsync<TherapyDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
