using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Auth;

namespace Support.Hardening.Tests;

/// <summary>
/// Suite 2 of issue 17 (its authentication half and the aggregate-reader scan): every operation in every service's
/// OpenAPI document, through the gateway and directly against the service, refuses every bad token with 401; and
/// whatever a commissioner or governance member can read carries no child-level field.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessTests(Platform platform)
{
    public static TheoryData<string> Services => new(Platform.Services.Select(s => s.Route));

    /// <summary>Fields that identify a child or carry what was said about them (Part I: commissioners see aggregates only).</summary>
    private static readonly string[] ChildLevelFields =
    [
        "givenName", "familyName", "preferredName", "displayName", "dateOfBirth", "phoneNumber", "phoneNumbers", "phone",
        "youngPersonId", "notes", "note", "text", "body", "message", "circumstances", "rationale", "summary", "address",
    ];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_refuses_every_bad_token_with_401_through_the_gateway_and_directly(string service)
    {
        var operations = await OpenApiDocuments.ReadAsync(service, platform.ServiceAddresses[service]);
        var failures = new List<string>();
        foreach (var operation in operations.Where(o => !o.Template.Contains("/webhooks/", StringComparison.Ordinal)))
        {
            foreach (var (@case, token) in Tokens.Refused(Roles.SocialWorker))
            {
                foreach (var (where, address) in new[] { ("gateway", platform.Gateway), ("direct", platform.ServiceAddresses[service]) })
                {
                    using var client = new HttpClient { BaseAddress = address };
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path());
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }
                    if (operation.Method is not "GET" and not "DELETE")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                    {
                        failures.Add($"{where} {operation} with {@case}: {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Commissioners_and_governance_never_receive_a_child_level_field(string service)
    {
        var operations = await OpenApiDocuments.ReadAsync(service, platform.ServiceAddresses[service]);
        var failures = new List<string>();
        foreach (var operation in operations.Where(o => o.Method == "GET"))
        {
            foreach (var role in new[] { Roles.Commissioner, Roles.Governance })
            {
                using var client = platform.Client(role, $"aggregate-{role.ToLowerInvariant()}");
                var query = string.Join("&", operation.Parameters.Where(p => p.In == "query" && p.Required)
                    .Select(p => $"{p.Name}={Uri.EscapeDataString(OpenApiDocuments.SampleText(p.Schema))}"));
                using var response = await client.GetAsync(operation.Path() + (query.Length == 0 ? "" : "?" + query));
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
                {
                    continue;
                }
                var found = FieldNames(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement)
                    .Intersect(ChildLevelFields, StringComparer.OrdinalIgnoreCase).ToList();
                if (found.Count > 0)
                {
                    failures.Add($"{role} {operation}: {string.Join(", ", found)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every field name at any depth. A published table's <c>body</c> (Support.ServiceDefaults.Reporting) is its rows of
    /// counts, an array, never a text's body: its name is not reported, what is inside it still is.
    /// </summary>
    private static IEnumerable<string> FieldNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.NameEquals("body") && p.Value.ValueKind == JsonValueKind.Array ? FieldNames(p.Value) : FieldNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(FieldNames),
        _ => [],
    };
}
