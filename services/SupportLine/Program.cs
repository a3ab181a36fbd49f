using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;
using Support.SupportLine;
using Support.SupportLine.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSupportLineFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapSupportLineApi();

await app.MigrateDatabaseIfConfiguredAsync<SupportLineDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
