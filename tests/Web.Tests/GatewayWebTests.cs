using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Support.EndToEnd.Tests;

namespace Support.Web.Tests;

/// <summary>How the gateway serves the web app (caching, fallback, security headers) and its development sign-in.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class GatewayWebTests(Platform platform)
{
    [Fact]
    public async Task Index_html_is_revalidated_and_hashed_assets_are_cached_for_a_year()
    {
        using var client = platform.Client();

        using var index = await client.GetAsync("/");
        var html = await index.Content.ReadAsStringAsync();
        var script = ScriptSource().Match(html).Groups[1].Value;
        using var asset = await client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html); // no inline script anywhere
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_street_page_answers_outreach_and_the_policy_allows_its_inline_blocks_by_hash_and_nothing_else_inline()
    {
        using var client = platform.Client();

        using var street = await client.GetAsync("/outreach");
        using var other = await client.GetAsync("/young-people");
        var html = await street.Content.ReadAsStringAsync();
        var csp = street.Headers.GetValues("Content-Security-Policy").Single();
        static string Hash(string block) =>
            $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(block)))}'";
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline).Select(m => Hash(m.Groups[1].Value)).ToList();
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline).Select(m => Hash(m.Groups[1].Value)).ToList();
        string Sources(string directive) => Regex.Match(csp, directive + " ([^;]*);").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, street.StatusCode);
        Assert.Equal("no-cache", street.Headers.CacheControl?.ToString());
        Assert.Contains("id=\"contact-shell\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html, StringComparison.Ordinal); // drawn from its own bytes
        Assert.Contains("<div id=\"root\"></div>", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["'self'", .. scripts.Order(StringComparer.Ordinal)], Sources("script-src").Split(' '));
        Assert.Equal(["'self'", .. styles.Order(StringComparer.Ordinal)], Sources("style-src").Split(' '));
        Assert.Single(scripts);
        Assert.Single(styles);
    }

    [Fact]
    public async Task The_apps_files_are_sent_compressed_but_an_api_answer_never_is()
    {
        using var client = platform.Client("SocialWorker", "web-compression");
        var html = await client.GetStringAsync("/");
        var script = ScriptSource().Match(html).Groups[1].Value;

        async Task<(HttpStatusCode Status, string? Encoding, int Length)> FetchAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, response.Content.Headers.ContentEncoding.SingleOrDefault(), body.Length);
        }
        var plain = (await client.GetByteArrayAsync(script)).Length;
        var asset = await FetchAsync(script);
        var api = await FetchAsync("/api/referrals/young-people?name=nobody");

        Assert.Equal((HttpStatusCode.OK, "br"), (asset.Status, asset.Encoding));
        Assert.True(asset.Length < plain / 2, $"{asset.Length} bytes compressed against {plain}");
        Assert.Equal(HttpStatusCode.OK, api.Status);
        Assert.Null(api.Encoding);
    }

    [Fact]
    public async Task A_client_route_is_answered_with_the_app_but_an_unknown_api_route_is_a_404()
    {
        using var client = platform.Client();

        using var route = await client.GetAsync("/young-people/6a1c3f4e-0000-4000-8000-000000000000");
        using var api = await client.GetAsync("/api/nowhere/at-all");
        using var asset = await client.GetAsync("/assets/missing-0000.js");

        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Equal("no-cache", route.Headers.CacheControl?.ToString());
        Assert.Contains("<div id=\"root\"></div>", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health/live")]
    [InlineData("/api/referrals/young-people?name=nobody")]
    public async Task Every_response_carries_the_browser_security_headers(string path)
    {
        using var client = platform.Client("SocialWorker", "web-headers");

        using var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        // Scripts from the gateway itself, and inline only the exact blocks of the app's own pages (by hash).
        Assert.Matches("script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')*;", csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_development_token_is_accepted_by_the_services_behind_the_gateway()
    {
        using var anonymous = platform.Client();

        using var issued = await anonymous.PostAsJsonAsync("/dev/token", new { role = "SocialWorker", user = "web-dev-user" });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var signedIn = new HttpClient { BaseAddress = platform.Gateway };
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var search = await signedIn.GetAsync("/api/referrals/young-people?name=nobody");
        using var forbidden = await signedIn.GetAsync("/api/referrals/young-people/" + Guid.NewGuid() + "/access-log");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode); // the role claim is the one asked for, no more
    }

    [Fact]
    public async Task A_development_token_for_an_unknown_role_is_refused_naming_the_field()
    {
        using var anonymous = platform.Client();

        using var response = await anonymous.PostAsJsonAsync("/dev/token", new { role = "Superuser", user = "web-dev-user" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Outside_development_and_testing_the_development_sign_in_does_not_exist()
    {
        await using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            // Outside Development and Testing the development key is refused at start-up: production has an authority.
            host.UseSetting("Auth:Oidc:Authority", "https://login.example.test/");
        });
        using var client = production.CreateClient();

        using var token = await client.PostAsJsonAsync("/dev/token", new { role = "SocialWorker", user = "someone" });
        using var users = await client.GetAsync("/dev/users");
        var config = await client.GetFromJsonAsync<JsonElement>("/auth/config");

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
        Assert.False(config.GetProperty("developmentSignIn").GetBoolean());
    }

    /// <summary>The app's module script in a page the gateway serves (also used by StreetShellTests to hold it back).</summary>
    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+)\"")]
    internal static partial Regex ScriptSource();
}
