using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;
using Support.Therapy;
using Support.Therapy.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<TherapyDbContext>("Therapy", TherapyDbContext.Schema);
builder.AddTherapyFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapTherapyApi();

await app.MigrateDatabaseIfConfiguredAsync<TherapyDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
