using Support.Outreach;
using Support.Outreach.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<OutreachDbContext>("Outreach", OutreachDbContext.Schema);
builder.AddOutreachFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOutreachApi();

await app.MigrateDatabaseIfConfiguredAsync<OutreachDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
