using Support.Messaging;
using Support.Registry;
using Support.Therapy.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<TherapyDbContext>("Therapy", TherapyDbContext.Schema);
builder.AddSupportMessaging<TherapyDbContext>("therapy", bus => bus.AddRegistryProjectionConsumers<TherapyDbContext>("therapy"));

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRegistryProjection<TherapyDbContext>("therapy");

await app.MigrateDatabaseIfConfiguredAsync<TherapyDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
