using Support.Gateway;
using Support.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
// The start page is public: served before the authorization middleware's authenticated-by-default fallback policy.
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseServiceDefaults();
// Documented order: the rate limiter before the proxy, or route limits are silently skipped (dotnet/yarp#2681).
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapServiceHealth();
app.MapRouteSpellingRedirects();
app.MapReverseProxy();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
