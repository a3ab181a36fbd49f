using Support.Gateway;
using Support.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();
builder.Services.AddWebAppCompression();

var app = builder.Build();
app.UseSecurityHeaders();
// The web app is public: served before the authorization middleware's authenticated-by-default fallback policy.
app.UseWebAppFiles();
// Documented order: the rate limiter before the proxy, or route limits are silently skipped (dotnet/yarp#2681); and
// after authentication but before authorization, so requests without a valid token are limited too, not just 401ed.
app.UseServiceDefaults(afterAuthentication: a => a.UseRateLimiter());
app.MapDefaultEndpoints();
app.MapServiceHealth();
app.MapSignIn();
app.MapRouteSpellingRedirects();
app.MapReverseProxy(proxy =>
{
    // YARP's default pipeline, then the answer given when a service is down (UnavailableServices).
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
    proxy.AnswerUnavailableServicesWithProblems();
}).LimitBodies();
app.MapWebAppFallback();
await app.RunAsync();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
