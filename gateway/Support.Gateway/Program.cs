using Support.Gateway;
using Support.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
app.UseDefaultFiles();
app.UseStaticFiles();
// Documented order: the rate limiter before the proxy, or route limits are silently skipped (dotnet/yarp#2681).
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapServiceHealth();
app.MapReverseProxy();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
