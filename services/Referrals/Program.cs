using Support.Referrals;
using Support.Referrals.Data;
using Support.ServiceDefaults;
using Support.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<ReferralsDbContext>("Referrals", ReferralsDbContext.Schema);
builder.AddReferralsFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapReferralsApi();

await app.MigrateDatabaseIfConfiguredAsync<ReferralsDbContext>();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
