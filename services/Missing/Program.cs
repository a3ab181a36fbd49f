using Support.Missing;
using Support.Missing.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MissingDbContext>("Missing", MissingDbContext.Schema);
builder.AddMissingFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapMissingApi();

await app.MigrateDatabaseIfConfiguredAsync<MissingDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
