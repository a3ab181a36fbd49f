using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Support.EndToEnd.Tests;
using Support.ServiceDefaults.Auth;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// Suite 1 of issue 17: for every operation in every service's OpenAPI document, malformed input generated from the
/// document itself and sent through the gateway. Never a 500; a refusal is <c>application/problem+json</c>; a value
/// the edge must refuse (an enum integer or unknown name, a control character, a date outside 1900-2199, a wrong JSON
/// type, an unknown member, a bad query value) is a 400 naming that field; and those refusals change nothing stored.
/// A new endpoint is covered as soon as it is in its service's document.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(Platform platform)
{
    public static TheoryData<string> Services => new(Platform.Services.Select(s => s.Route));

    private sealed record Attempt(Operation Operation, string Case, string? Field, string Path, HttpContent? Body);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_refuses_malformed_input_by_name_without_a_500_or_a_change(string service)
    {
        var operations = await OpenApiDocuments.ReadAsync(service, platform.ServiceAddresses[service]);
        Assert.NotEmpty(operations);
        var failures = new List<string>();

        var before = await FingerprintAsync(service);
        foreach (var operation in operations)
        {
            using var client = ClientFor(operation);
            foreach (var attempt in StrictAttempts(operation))
            {
                await SendAsync(client, attempt, strict: true, failures);
            }
        }
        var after = await FingerprintAsync(service);
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
        Assert.True(changed.Count == 0, $"refused requests changed {string.Join(", ", changed)}");

        foreach (var operation in operations)
        {
            using var client = ClientFor(operation);
            foreach (var attempt in LenientAttempts(operation))
            {
                await SendAsync(client, attempt, strict: false, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures.Take(60)));
    }

    private HttpClient ClientFor(Operation operation)
    {
        // Every role, so authorization never answers before the input is read; one user per operation, so the
        // gateway's per-user limit is not the thing being measured.
        var client = new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.Create(Roles.All, $"fuzz-{Math.Abs(operation.ToString().GetHashCode(StringComparison.Ordinal))}"));
        return client;
    }

    private static async Task SendAsync(HttpClient client, Attempt attempt, bool strict, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(attempt.Operation.Method), attempt.Path) { Content = attempt.Body };
        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            if (attempt.Case is "1 MB body" or "100 KB string")
            {
                // Refused by its Content-Length (413) and the connection closed while the client was still sending.
                return;
            }
            failures.Add($"{attempt.Operation} [{attempt.Case}{(attempt.Field is null ? "" : " " + attempt.Field)}] -> connection dropped ({e.HttpRequestError})");
            return;
        }
        using var response = sent;
        var status = (int)response.StatusCode;
        var label = $"{attempt.Operation} [{attempt.Case}{(attempt.Field is null ? "" : " " + attempt.Field)}] -> {status}";
        if (status >= 500)
        {
            failures.Add(label);
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status is 400 or 422 && mediaType != "application/problem+json")
        {
            failures.Add(label + $" as {mediaType}, not problem+json");
            return;
        }
        if (!strict || attempt.Field is null)
        {
            return;
        }
        if (status != 400)
        {
            failures.Add(label + ", expected 400 naming the field");
            return;
        }
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var named = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];
        if (!named.Contains(attempt.Field, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add(label + $", named [{string.Join(", ", named)}] instead of {attempt.Field}");
        }
    }

    private static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private static string QueryFor(Operation operation, string? skip = null)
    {
        var pairs = operation.Parameters.Where(p => p.In == "query" && p.Required && p.Name != skip)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(OpenApiDocuments.SampleText(p.Schema))}");
        var query = string.Join("&", pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    /// <summary>Inputs the edge must refuse with a 400 naming the field, whatever the operation does.</summary>
    private static IEnumerable<Attempt> StrictAttempts(Operation operation)
    {
        var path = operation.Path();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var others = QueryFor(operation, skip: parameter.Name);
            var prefix = path + (others.Length == 0 ? "?" : others + "&") + Uri.EscapeDataString(parameter.Name) + "=";
            var body = operation.JsonBody is { } schema ? Json(OpenApiDocuments.Sample(schema, 0)) : null;
            foreach (var (@case, value) in BadQueryValues(OpenApiDocuments.TypeOf(parameter.Schema)))
            {
                yield return new Attempt(operation, @case, parameter.Name, prefix + Uri.EscapeDataString(value),
                    body is null ? null : Json(OpenApiDocuments.Sample(operation.JsonBody!.Value, 0)));
            }
        }
        if (operation.JsonBody is not { } bodySchema || OpenApiDocuments.TypeOf(bodySchema) != "object")
        {
            yield break;
        }
        var target = path + QueryFor(operation);
        var sample = (JsonObject)OpenApiDocuments.Sample(bodySchema, 0)!;
        var unknown = (JsonObject)sample.DeepClone();
        unknown["unexpectedField"] = "x";
        yield return new Attempt(operation, "unknown member", "unexpectedField", target, Json(unknown));
        foreach (var (field, schema) in Leaves(OpenApiDocuments.Concrete(bodySchema), "", 0))
        {
            foreach (var (@case, value) in BadBodyValues(OpenApiDocuments.TypeOf(schema)))
            {
                var body = (JsonObject)sample.DeepClone();
                Set(body, field, value);
                yield return new Attempt(operation, @case, field, target, Json(body));
            }
        }
    }

    /// <summary>Inputs that may be accepted or refused, but never with a 500 or an unexplained 400.</summary>
    private static IEnumerable<Attempt> LenientAttempts(Operation operation)
    {
        var target = operation.Path() + QueryFor(operation);
        if (operation.Template.Contains('{', StringComparison.Ordinal))
        {
            yield return new Attempt(operation, "malformed path id", null, operation.Path(replaceFirstIdWith: "not-a-guid") + QueryFor(operation), null);
            yield return new Attempt(operation, "huge path id", null, operation.Path(replaceFirstIdWith: new string('9', 4000)) + QueryFor(operation), null);
        }
        if (operation.Method is "GET" or "DELETE")
        {
            yield break;
        }
        yield return new Attempt(operation, "not JSON", null, target, new StringContent("{\"a\":", Encoding.UTF8, "application/json"));
        yield return new Attempt(operation, "empty body", null, target, new StringContent("", Encoding.UTF8, "application/json"));
        yield return new Attempt(operation, "JSON null", null, target, Json(null));
        yield return new Attempt(operation, "array for object", null, target, new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        yield return new Attempt(operation, "text/plain", null, target, new StringContent("hello", Encoding.UTF8, "text/plain"));
        yield return new Attempt(operation, "deeply nested", null, target,
            new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json"));
        yield return new Attempt(operation, "1 MB body", null, target,
            new StringContent("{\"x\":\"" + new string('a', 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        if (operation.JsonBody is not { } bodySchema || OpenApiDocuments.TypeOf(bodySchema) != "object")
        {
            yield break;
        }
        var sample = (JsonObject)OpenApiDocuments.Sample(bodySchema, 0)!;
        foreach (var (field, schema) in Leaves(OpenApiDocuments.Concrete(bodySchema), "", 0))
        {
            var values = new List<(string, JsonNode?)> { ("null", null) };
            if (OpenApiDocuments.TypeOf(schema) == "string")
            {
                values.Add(("right-to-left and combining", JsonValue.Create("\u202Eevil\u0301\u0308 \u05D0\u05D1")));
                values.Add(("empty string", JsonValue.Create("")));
                values.Add(("100 KB string", JsonValue.Create(new string('x', 100 * 1024))));
            }
            foreach (var (@case, value) in values)
            {
                var body = (JsonObject)sample.DeepClone();
                Set(body, field, value);
                yield return new Attempt(operation, @case, field, target, Json(body));
            }
            var missing = (JsonObject)sample.DeepClone();
            Remove(missing, field);
            yield return new Attempt(operation, "missing", field, target, Json(missing));
        }
    }

    private static IEnumerable<(string Case, string Value)> BadQueryValues(string type) => type switch
    {
        "enum" => [("enum integer", "999"), ("unknown enum name", "NotAValue"), ("control character", "a\u0000b")],
        "string:date" => [("date far future", "9999-12-31"), ("date far past", "0001-01-01"), ("control character", "a\u0000b")],
        "string:date-time" => [("instant far future", "9999-12-31T23:59:59Z"), ("instant far past", "0001-01-01T00:00:00Z")],
        "integer" or "number" => [("not a number", "abc")],
        "boolean" => [("not a boolean", "abc")],
        "string:uuid" => [("not a uuid", "abc")],
        _ => [("control character", "a\u0000b")],
    };

    private static IEnumerable<(string Case, JsonNode? Value)> BadBodyValues(string type) => type switch
    {
        "enum" => [("enum integer", JsonValue.Create(999)), ("unknown enum name", JsonValue.Create("NotAValue")), ("wrong type", new JsonObject())],
        "string:date" => [("date far past", JsonValue.Create("0001-01-01")), ("date far future", JsonValue.Create("9999-12-31")), ("control character", JsonValue.Create("2026\u0000"))],
        "string:date-time" => [("instant far past", JsonValue.Create("0001-01-01T00:00:00Z")), ("instant far future", JsonValue.Create("9999-12-31T23:59:59Z"))],
        "string:uuid" => [("not a uuid", JsonValue.Create("abc")), ("wrong type", JsonValue.Create(12))],
        "string" => [("control character", JsonValue.Create("a\u0000b")), ("escape character", JsonValue.Create("a\u001bb")), ("wrong type", JsonValue.Create(12345))],
        "integer" or "number" => [("wrong type", JsonValue.Create("abc"))],
        "boolean" => [("wrong type", JsonValue.Create("abc"))],
        "object" => [("wrong type", JsonValue.Create(12))],
        "array" => [("wrong type", JsonValue.Create("abc"))],
        _ => [],
    };

    /// <summary>Every field of a body, nested objects by dotted path and array items as <c>[0]</c>, as the serializer names them.</summary>
    private static IEnumerable<(string Path, JsonElement Schema)> Leaves(JsonElement schema, string prefix, int depth)
    {
        if (depth > 4 || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var concrete = OpenApiDocuments.Concrete(property.Value);
            yield return (path, concrete);
            switch (OpenApiDocuments.TypeOf(concrete))
            {
                case "object":
                    foreach (var leaf in Leaves(concrete, path, depth + 1))
                    {
                        yield return leaf;
                    }
                    break;
                case "array" when concrete.TryGetProperty("items", out var items):
                    var item = OpenApiDocuments.Concrete(items);
                    yield return ($"{path}[0]", item);
                    foreach (var leaf in Leaves(item, $"{path}[0]", depth + 1))
                    {
                        yield return leaf;
                    }
                    break;
            }
        }
    }

    private static (JsonNode Parent, string? Key, int Index) Locate(JsonObject body, string path)
    {
        JsonNode node = body;
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }
        var last = parts[^1];
        return last.StartsWith('[') ? (node, null, int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)) : (node, last, -1);
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var (parent, key, index) = Locate(body, path);
        if (key is null)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[key] = value;
        }
    }

    private static void Remove(JsonObject body, string path)
    {
        var (parent, key, index) = Locate(body, path);
        if (key is null)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove(key);
        }
    }

    /// <summary>
    /// A digest of every table the service's requests write (not its outbox, inbox, job bookkeeping or read audit,
    /// which background work and refused reads may touch, nor Outreach's hotspot counts, which a background job
    /// recounts and folds from the contacts earlier tests logged).
    /// </summary>
    private async Task<Dictionary<string, string>> FingerprintAsync(string service)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionStringOf(service));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
              AND table_name !~ '(outbox|inbox|access_log|job|heartbeat|__ef|^hotspot_)'
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // identifiers quoted by format('%I') above
            await using var digest = new NpgsqlCommand($"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t", connection);
#pragma warning restore CA2100
            digests[table] = (string)(await digest.ExecuteScalarAsync())!;
        }
        return digests;
    }
}
