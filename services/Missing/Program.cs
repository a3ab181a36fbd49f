using Support.Messaging;
using Support.Messaging.Registry;
using Support.Missing.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MissingDbContext>("Missing", MissingDbContext.Schema);
builder.AddSupportMessaging<MissingDbContext>("missing", bus => bus.AddRegistryProjectionConsumers<MissingDbContext>("missing"));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRegistryProjection<MissingDbContext>("missing");

await app.MigrateDatabaseIfConfiguredAsync<MissingDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
