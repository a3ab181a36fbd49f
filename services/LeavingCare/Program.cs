using Support.LeavingCare;
using Support.LeavingCare.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<LeavingCareDbContext>("LeavingCare", LeavingCareDbContext.Schema);
builder.AddLeavingCareFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapLeavingCareApi();

await app.MigrateDatabaseIfConfiguredAsync<LeavingCareDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
