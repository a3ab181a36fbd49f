using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// The gateway's edge rules (issue 17): who may pick a rate-limit partition, floods without a token, Retry-After, body
/// limits per route, token subject and lifetime, and what anonymous health shows. Services behind it are unreachable,
/// so a request the gateway lets through answers 503 (no service is answering).
/// </summary>
public sealed class GatewayEdgeTests
{
    private const string Client = "203.0.113.7";
    private static readonly string SocialWorker = TestTokens.Create("SocialWorker", "edge-social-worker");

    [Fact]
    public async Task A_forged_X_Forwarded_For_from_an_untrusted_peer_does_not_escape_the_webhook_rate_limit()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["RateLimits:WebhookPermitsPerMinute"] = "2" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.SendAsync(HttpMethod.Post, "/api/supportline/webhooks/twilio/sms", "127.0.0.1",
                headers: new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{i + 1}" },
                content: new FormUrlEncodedContent([]));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_so_its_clients_are_limited_separately()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?>
        {
            ["RateLimits:WebhookPermitsPerMinute"] = "1",
            ["ForwardedHeaders:KnownProxies"] = "10.0.0.1",
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.SendAsync(HttpMethod.Post, "/api/supportline/webhooks/twilio/sms", "10.0.0.1",
                headers: new Dictionary<string, string> { ["X-Forwarded-For"] = $"198.51.100.{i + 1}" },
                content: new FormUrlEncodedContent([]));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_flood_without_a_token_is_cut_off_with_429_and_Retry_After()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["RateLimits:AnonymousPermitsPerMinute"] = "5" });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last?.Dispose();
            last = await gateway.SendAsync(HttpMethod.Get, "/api/referrals/young-people?name=x", Client);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        // A signed-in user from the same address is not caught by the anonymous budget.
        using var signedIn = await gateway.SendAsync(HttpMethod.Get, "/api/referrals/young-people?name=x", Client, SocialWorker);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_service_that_is_not_answering_is_a_503_problem_with_Retry_After_naming_the_service_not_a_bare_502()
    {
        await using var gateway = new GatewayHost();
        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/outreach/aliases?name=x", Client, SocialWorker);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("The outreach service is not answering just now.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_webhook_body_over_64_KB_is_refused_at_the_gateway_before_it_is_forwarded()
    {
        await using var gateway = new GatewayHost();
        var big = new FormUrlEncodedContent([new("Body", new string('a', 70 * 1024))]);
        var small = new FormUrlEncodedContent([new("Body", new string('a', 10 * 1024))]);

        using var refused = await gateway.SendAsync(HttpMethod.Post, "/api/supportline/webhooks/twilio/sms", Client, content: big);
        using var forwarded = await gateway.SendAsync(HttpMethod.Post, "/api/supportline/webhooks/twilio/sms", Client, content: small);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forwarded.StatusCode);
    }

    [Fact]
    public async Task A_case_record_body_over_256_KB_is_refused_but_a_large_ordinary_one_is_forwarded()
    {
        await using var gateway = new GatewayHost();
        static StringContent Json(int bytes) => new($"{{\"notes\":\"{new string('a', bytes)}\"}}", Encoding.UTF8, "application/json");

        using var refused = await gateway.SendAsync(HttpMethod.Post, "/api/referrals/young-people", Client, SocialWorker, content: Json(300 * 1024));
        using var forwarded = await gateway.SendAsync(HttpMethod.Post, "/api/referrals/young-people", Client, SocialWorker, content: Json(100 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        // The unread body leaves the connection unusable: the client is told not to send another request on it.
        Assert.True(refused.Headers.ConnectionClose);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forwarded.StatusCode);
    }

    /// <summary>
    /// Issue 17: the gateway let aggregate readers (commissioners, governance) through to the Referrals reports, which the
    /// service refuses. The service is right: the decision-times report has exact, unsuppressed counts and per-type
    /// hours (one referral in a type gives its own decision time away), so it is not a commissioner's aggregate
    /// (Part I; COM-04). Every other route at the gateway is coarser than its service by design (one policy per
    /// service prefix), but a report route has a policy of its own, so it must name exactly the readers the report's
    /// row in the access matrix names: let through (502 here, no service behind) or 403, role by role.
    /// </summary>
    [Fact]
    public async Task Every_report_route_lets_through_exactly_the_roles_its_access_matrix_row_names()
    {
        await using var gateway = new GatewayHost();
        var reports = AccessMatrix.Load().Values.Where(r => r.Template.Contains("/reports/", StringComparison.Ordinal)).ToList();
        Assert.Contains(reports, r => r.Template == "/api/referrals/reports/decision-times");
        var wrong = new List<string>();
        foreach (var report in reports)
        {
            foreach (var role in Roles.All)
            {
                using var response = await gateway.SendAsync(new HttpMethod(report.Method), report.Template, Client,
                    TestTokens.Create(role, $"edge-{role.ToLowerInvariant()}"));
                var expected = report.Roles.Contains(role) ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected)
                {
                    wrong.Add($"{report.Method} {report.Template} as {role}: {(int)response.StatusCode}, expected {(int)expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static TheoryData<string> RefusedTokens => new(Tokens.Refused("SocialWorker").Select(t => t.Case));

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_bad_token_is_401_at_the_gateway(string @case)
    {
        await using var gateway = new GatewayHost();
        var token = Tokens.Refused("SocialWorker").Single(t => t.Case == @case).Token;

        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/referrals/young-people?name=x", Client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_health_shows_status_only_and_an_operator_sees_the_checks()
    {
        await using var gateway = new GatewayHost();
        var operatorToken = TestTokens.Create("PlatformOperator", "edge-operator");

        using var anonymousReady = await gateway.SendAsync(HttpMethod.Get, "/health/ready", "127.0.0.1");
        using var anonymousServices = await gateway.SendAsync(HttpMethod.Get, "/health/services", Client);
        using var operatorServices = await gateway.SendAsync(HttpMethod.Get, "/health/services", Client, operatorToken);

        var ready = JsonDocument.Parse(await anonymousReady.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["status"], ready.EnumerateObject().Select(p => p.Name));
        var services = JsonDocument.Parse(await anonymousServices.Content.ReadAsStringAsync()).RootElement;
        Assert.All(services.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("detail").ValueKind));
        var detailed = JsonDocument.Parse(await operatorServices.Content.ReadAsStringAsync()).RootElement;
        Assert.All(detailed.EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.GetProperty("detail").ValueKind));
    }

    [Fact]
    public async Task Outside_Development_and_CI_the_gateway_refuses_to_start_with_the_development_key()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestTokens.SigningKey }, environment: "Production");

        var failure = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Auth:Oidc:Authority", failure.ToString(), StringComparison.Ordinal);
    }
}
