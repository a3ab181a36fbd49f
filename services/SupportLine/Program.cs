using Support.Messaging;
using Support.Registry;
using Support.SupportLine.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<SupportLineDbContext>("SupportLine", SupportLineDbContext.Schema);
builder.AddSupportMessaging<SupportLineDbContext>("supportline", bus => bus.AddRegistryProjectionConsumers<SupportLineDbContext>("supportline"));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRegistryProjection<SupportLineDbContext>("supportline");

await app.MigrateDatabaseIfConfiguredAsync<SupportLineDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
