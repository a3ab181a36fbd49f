using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// The gateway in process, its services pointed at a closed port (a proxied request that passes the gateway's checks
/// answers 503, one that fails them 401, 403, 413 or 429). Requests are sent with a chosen peer address.
/// </summary>
public sealed class GatewayHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        if (environment == "Testing")
        {
            builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        }
        foreach (var cluster in new[] { "referrals", "outreach", "missing", "therapy", "leavingcare", "supportline" })
        {
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address", "http://127.0.0.1:9/");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Sends one request as if from <paramref name="peer"/>, the address the TCP connection came from.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string peer, string? token = null,
        IReadOnlyDictionary<string, string>? headers = null, HttpContent? content = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer);
            c.Request.Method = method.Method;
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? default : new Microsoft.AspNetCore.Http.QueryString(path[query..]);
            if (token is not null)
            {
                c.Request.Headers.Authorization = "Bearer " + token;
            }
            foreach (var (key, value) in headers ?? new Dictionary<string, string>())
            {
                c.Request.Headers[key] = value;
            }
            if (content is not null)
            {
                c.Request.ContentType = content.Headers.ContentType?.ToString();
                var bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
            }
        });
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)context.Response.StatusCode);
        var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body);
        body.Position = 0;
        response.Content = new StreamContent(body);
        foreach (var (key, value) in context.Response.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(key, value.ToArray()))
            {
                response.Content.Headers.TryAddWithoutValidation(key, value.ToArray());
            }
        }
        return response;
    }
}
