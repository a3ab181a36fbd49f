using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Support.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Support.Deployment.Tests;

/// <summary>One document of a rendered overlay: its kind, its YAML text and the same as JSON (scalars typed as YAML types them).</summary>
public sealed record RenderedDocument(string ApiVersion, string Kind, string Name, string Yaml, JsonObject Json)
{
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>
/// An overlay rendered with <c>kubectl kustomize</c>, exactly what <c>kubectl apply -k</c> or k8s/deploy.sh would send,
/// once per test run.
/// </summary>
public static class RenderedOverlay
{
    public static readonly string[] Overlays = ["dev", "production"];

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<RenderedDocument>>> Cache = new();

    public static TheoryData<string> All => new(Overlays);

    public static IReadOnlyList<RenderedDocument> Of(string overlay) =>
        Cache.GetOrAdd(overlay, o => new Lazy<IReadOnlyList<RenderedDocument>>(() => Split(Render(o)))).Value;

    public static string Render(string overlay)
    {
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, "k8s", "overlays", overlay);
        var start = new ProcessStartInfo(Kubectl, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException($"kubectl kustomize {overlay} did not finish");
        }
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {errors.Result}");
        return output.Result;
    }

    /// <summary>kubectl from PATH (tools/infra install puts the Debian package there where it is missing).</summary>
    private static string Kubectl =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "kubectl")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("kubectl is not installed: tools/infra install installs it");

    private static List<RenderedDocument> Split(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var texts = yaml.Split("\n---\n");
        Assert.Equal(stream.Documents.Count, texts.Length);
        return stream.Documents.Select((document, i) =>
        {
            var json = (JsonObject)ToJson(document.RootNode)!;
            return new RenderedDocument(
                (string)json["apiVersion"]!, (string)json["kind"]!, (string)json["metadata"]!["name"]!, texts[i], json);
        }).ToList();
    }

    /// <summary>YAML to JSON with YAML 1.2 core-schema typing: unquoted numbers, booleans and null keep their type.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s => PlainScalar(s.Value ?? ""),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType}"),
    };

    private static JsonNode? PlainScalar(string value) => value switch
    {
        "" or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit) && !value.Contains(':', StringComparison.Ordinal) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };
}
