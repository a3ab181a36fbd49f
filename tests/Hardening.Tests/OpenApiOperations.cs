using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Support.Hardening.Tests;

/// <summary>One operation of a service's OpenAPI document, with what it takes.</summary>
public sealed record Operation(string Service, string Method, string Template, IReadOnlyList<Parameter> Parameters, JsonElement? JsonBody, bool FormBody)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>The path with every route value filled in: GUIDs for ids, a plausible word for anything else.</summary>
    public string Path(string? replaceFirstIdWith = null)
    {
        var replaced = false;
        return Regex.Replace(Template, "{([^}:]+)[^}]*}", m =>
        {
            var parameter = Parameters.FirstOrDefault(p => p.In == "path" && p.Name == m.Groups[1].Value);
            if (replaceFirstIdWith is not null && !replaced)
            {
                replaced = true;
                return replaceFirstIdWith;
            }
            return parameter is null ? Guid.NewGuid().ToString() : Uri.EscapeDataString(OpenApiDocuments.SampleText(parameter.Schema));
        });
    }
}

public sealed record Parameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>Reads the services' OpenAPI documents and makes sample values from their schemas.</summary>
public static class OpenApiDocuments
{
    public static async Task<IReadOnlyList<Operation>> ReadAsync(string service, Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Name is "parameters" or "summary" or "description")
                {
                    continue;
                }
                var parameters = new List<Parameter>();
                if (method.Value.TryGetProperty("parameters", out var declared))
                {
                    foreach (var p in declared.EnumerateArray())
                    {
                        var resolved = Resolve(document, p);
                        parameters.Add(new Parameter(resolved.GetProperty("name").GetString()!, resolved.GetProperty("in").GetString()!,
                            resolved.TryGetProperty("required", out var r) && r.GetBoolean(),
                            resolved.TryGetProperty("schema", out var s) ? Resolve(document, s) : default));
                    }
                }
                JsonElement? jsonBody = null;
                var form = false;
                if (method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var type in content.EnumerateObject())
                    {
                        if (type.Name.Contains("json", StringComparison.Ordinal) && type.Value.TryGetProperty("schema", out var schema))
                        {
                            jsonBody = Inline(document, schema, 0);
                        }
                        else if (type.Name.Contains("form", StringComparison.Ordinal))
                        {
                            form = true;
                        }
                    }
                }
                operations.Add(new Operation(service, method.Name.ToUpperInvariant(), path.Name, parameters, jsonBody, form));
            }
        }
        return operations;
    }

    private static JsonElement Resolve(JsonElement document, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }
            return node;
        }
        return element;
    }

    /// <summary>The schema with every reference replaced by what it names (to a depth that stops recursion).</summary>
    private static JsonElement Inline(JsonElement document, JsonElement schema, int depth)
    {
        var node = JsonNode.Parse(Resolve(document, schema).GetRawText())!;
        if (depth < 8)
        {
            Expand(document, node, depth);
        }
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    private static void Expand(JsonElement document, JsonNode node, int depth)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                var child = obj[key];
                if (child is JsonObject c && c.ContainsKey("$ref"))
                {
                    obj[key] = JsonNode.Parse(Inline(document, JsonDocument.Parse(c.ToJsonString()).RootElement, depth + 1).GetRawText());
                }
                else if (child is not null)
                {
                    Expand(document, child, depth);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject c && c.ContainsKey("$ref"))
                {
                    array[i] = JsonNode.Parse(Inline(document, JsonDocument.Parse(c.ToJsonString()).RootElement, depth + 1).GetRawText());
                }
                else if (array[i] is { } item)
                {
                    Expand(document, item, depth);
                }
            }
        }
    }

    /// <summary>The non-null alternative of a nullable schema (<c>oneOf</c>/<c>anyOf</c> with <c>null</c>).</summary>
    public static JsonElement Concrete(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    {
                        return Concrete(option);
                    }
                }
            }
        }
        return schema;
    }

    public static string TypeOf(JsonElement schema)
    {
        schema = Concrete(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "any";
        }
        if (schema.TryGetProperty("enum", out _))
        {
            return "enum";
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList()
                : [type.GetString()!];
            if (names.Count > 0)
            {
                return names[0] == "string" && schema.TryGetProperty("format", out var format) ? "string:" + format.GetString() : names[0];
            }
        }
        if (schema.TryGetProperty("properties", out _))
        {
            return "object";
        }
        return "any";
    }

    public static string SampleText(JsonElement schema) => Sample(schema, 0) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "1";

    /// <summary>A plausible value of the schema: right types, formats and enum names, nothing meaningful.</summary>
    public static JsonNode? Sample(JsonElement schema, int depth)
    {
        schema = Concrete(schema);
        switch (TypeOf(schema))
        {
            case "enum":
                return JsonValue.Create(schema.GetProperty("enum").EnumerateArray().First(e => e.ValueKind == JsonValueKind.String).GetString());
            case "object":
                var obj = new JsonObject();
                if (depth < 6 && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        obj[p.Name] = Sample(p.Value, depth + 1);
                    }
                }
                return obj;
            case "array":
                return depth < 6 && schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : new JsonArray();
            case "integer":
            case "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(false);
            case "string:date":
                return JsonValue.Create("2026-06-15");
            case "string:date-time":
                return JsonValue.Create("2026-06-15T10:00:00Z");
            case "string:uuid":
                return JsonValue.Create(Guid.NewGuid().ToString());
            case "string:time":
                return JsonValue.Create("10:00:00");
            case "string:int32":
            case "string:int64":
                return JsonValue.Create("1");
            default:
                return JsonValue.Create("sample text");
        }
    }
}
