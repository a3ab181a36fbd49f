using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Access;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// Suite 2 of issue 17, its role half: the declared access matrix (<c>docs/access-matrix.md</c>) against every
/// operation of every service's OpenAPI document and every role, through the gateway and directly against the
/// service. A role outside an operation's row gets 403; a role in it is never refused by role. A new endpoint fails
/// the first test until its row is written.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessMatrixTests(Platform platform)
{
    public static TheoryData<string> Services => new(Platform.Services.Select(s => s.Route));

    [Fact]
    public async Task The_matrix_lists_every_documented_operation_and_no_operation_that_does_not_exist()
    {
        var matrix = AccessMatrix.Load();
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (service, _) in Platform.Services)
        {
            foreach (var operation in await OpenApiDocuments.ReadAsync(service, platform.ServiceAddresses[service]))
            {
                documented.Add(AccessMatrix.Key(operation.Method, operation.Template));
            }
        }

        var missing = documented.Except(matrix.Keys).Order().ToList();
        var gone = matrix.Keys.Except(documented).Order().ToList();
        Assert.True(missing.Count == 0 && gone.Count == 0,
            $"Not in {AccessMatrix.RelativePath}:\n  {string.Join("\n  ", missing)}\nIn it but not in any OpenAPI document:\n  {string.Join("\n  ", gone)}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_role_outside_an_operations_row_gets_403_and_every_role_in_it_gets_past_authorization(string service)
    {
        var matrix = AccessMatrix.Load();
        var operations = await OpenApiDocuments.ReadAsync(service, platform.ServiceAddresses[service]);
        var targets = new[] { ("gateway", platform.Gateway), ("direct", platform.ServiceAddresses[service]) };
        // One client per role for the whole sweep; a user per role, so the gateway's per-user limit is not what answers.
        var clients = Roles.All.ToDictionary(role => role, role =>
        {
            var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(role, $"matrix-{role.ToLowerInvariant()}"));
            return client;
        });
        var failures = new List<string>();
        try
        {
            foreach (var operation in operations)
            {
                if (!matrix.TryGetValue(AccessMatrix.Key(operation.Method, operation.Template), out var rule))
                {
                    failures.Add($"{operation}: no row in {AccessMatrix.RelativePath}");
                    continue;
                }
                if (rule.Anonymous)
                {
                    continue;
                }
                var path = operation.Path() + Query(operation);
                // One cell at a time: the same sample body sent at once by several permitted roles is a race on a unique
                // key (it found two, now fixed and tested on their own), which is not what this suite measures.
                foreach (var role in Roles.All)
                {
                    foreach (var (where, address) in targets)
                    {
                        if (await CheckAsync(clients[role], new Uri(address, path), operation, rule, role) is { } problem)
                        {
                            failures.Add($"{where} {operation} as {role}: {problem}");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cells disagree with {AccessMatrix.RelativePath}:\n" + string.Join("\n", failures.Take(80)));
    }

    /// <summary>What is wrong with the answer to one cell, or null.</summary>
    private static async Task<string?> CheckAsync(HttpClient client, Uri uri, Operation operation, AccessRule rule, string role)
    {
        var (status, refusedBy) = await SendAsync(client, uri, operation, SampleBody(operation));
        if (!rule.Roles.Contains(role))
        {
            return status == HttpStatusCode.Forbidden ? null : $"{(int)status}, expected 403 (not in the row)";
        }
        if (status == HttpStatusCode.Forbidden && refusedBy == RecordAccessRefusedException.RefusedBy
            && InformationSharingProtocol.Default.Partners.ContainsKey(role))
        {
            // A partner refused a young person they have no sharing relationship to (REC-11): per record, not by role.
            return null;
        }
        if (status == HttpStatusCode.Forbidden && rule.PerRecord && operation.JsonBody is not null)
        {
            // A per-record rule (allocation, ownership) answers after the body is read. A body that cannot be read is
            // refused before that, so a 400 to it shows the role itself got past authorization.
            var (unreadable, _) = await SendAsync(client, uri, operation, new StringContent("[]", Encoding.UTF8, "application/json"));
            return unreadable == HttpStatusCode.BadRequest ? null : $"403, and {(int)unreadable} to an unreadable body: refused by role";
        }
        return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500
            ? $"{(int)status}, but the row allows {role}"
            : null;
    }

    /// <summary>The status, and for a 403 the ProblemDetails' <c>refusedBy</c> (who refused: the protocol, or null for a role).</summary>
    private static async Task<(HttpStatusCode Status, string? RefusedBy)> SendAsync(HttpClient client, Uri uri, Operation operation, HttpContent? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri) { Content = body };
        using var response = await client.SendAsync(request);
        string? refusedBy = null;
        if (response.StatusCode == HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            refusedBy = problem.TryGetProperty("refusedBy", out var by) ? by.GetString() : null;
        }
        return (response.StatusCode, refusedBy);
    }

    /// <summary>A body of the documented shape (as the bad-input suite makes them), so a permitted role is judged on its role.</summary>
    private static StringContent? SampleBody(Operation operation) =>
        operation.JsonBody is { } schema
            ? new StringContent(OpenApiDocuments.Sample(schema, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json")
            : operation.Method is "POST" or "PUT" ? new StringContent("{}", Encoding.UTF8, "application/json") : null;

    private static string Query(Operation operation)
    {
        var query = string.Join("&", operation.Parameters.Where(p => p.In == "query" && p.Required)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(OpenApiDocuments.SampleText(p.Schema))}"));
        return query.Length == 0 ? "" : "?" + query;
    }
}
