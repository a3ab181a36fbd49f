using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;

namespace Support.Deployment.Tests;

/// <summary>
/// Every rendered document is either a Kubernetes kind, loaded strictly into the official typed model of the Kubernetes
/// C# client (an unknown field, a wrong type or an unknown kind throws), or an operator's resource, validated against a
/// schema written from that operator's documentation for the fields this project uses (tests/Deployment.Tests/Schemas;
/// every object closed, so a misspelt field fails).
/// </summary>
public sealed class ManifestModelTests
{
    /// <summary>The operators' kinds the platform uses, and the schema for each (apiVersion/kind → file).</summary>
    public static readonly IReadOnlyDictionary<string, string> CustomResourceSchemas = new Dictionary<string, string>
    {
        ["postgresql.cnpg.io/v1/Cluster"] = "cnpg-cluster.json",
        ["postgresql.cnpg.io/v1/ScheduledBackup"] = "cnpg-scheduledbackup.json",
        ["postgresql.cnpg.io/v1/Database"] = "cnpg-database.json",
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = "rabbitmqcluster.json",
        ["dapr.io/v1alpha1/Component"] = "dapr-component.json",
        ["dapr.io/v1alpha1/Configuration"] = "dapr-configuration.json",
        ["monitoring.coreos.com/v1/PodMonitor"] = "podmonitor.json",
        ["monitoring.coreos.com/v1/PrometheusRule"] = "prometheusrule.json",
    };

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_rendered_kubernetes_document_loads_strictly_into_its_typed_model(string overlay)
    {
        var documents = RenderedOverlay.Of(overlay);
        Assert.NotEmpty(documents);
        foreach (var document in documents.Where(d => !IsCustomResource(d)))
        {
            object loaded;
            try
            {
                loaded = Assert.Single(KubernetesYaml.LoadAllFromString(document.Yaml, typeMap: null, strict: true));
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{overlay}: {document} does not load into the Kubernetes model: {e.Message}");
            }
            var model = Assert.IsAssignableFrom<IKubernetesObject<k8s.Models.V1ObjectMeta>>(loaded);
            Assert.Equal(document.Kind, model.Kind);
            Assert.Equal(document.Name, model.Metadata.Name);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_operator_resource_matches_the_schema_of_its_kind(string overlay)
    {
        var customResources = RenderedOverlay.Of(overlay).Where(IsCustomResource).ToList();
        Assert.Contains(customResources, d => d.Kind == "Cluster");
        Assert.Contains(customResources, d => d.Kind == "RabbitmqCluster");
        Assert.Contains(customResources, d => d.Kind == "Component");
        Assert.Contains(customResources, d => d.Kind == "Configuration");
        foreach (var document in customResources)
        {
            var result = Schema(document).Evaluate(JsonSerializer.SerializeToElement(document.Json), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{overlay}: {document} does not match its schema:\n{Describe(result)}");
        }
    }

    [Fact]
    public void A_misspelt_field_in_a_kubernetes_kind_is_refused()
    {
        const string misspelt = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: x }
            spec:
              replica: 2
              selector: { matchLabels: { a: b } }
              template: { metadata: { labels: { a: b } }, spec: { containers: [ { name: x, image: "x:1" } ] } }
            """;
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misspelt, typeMap: null, strict: true));
    }

    [Fact]
    public void A_misspelt_field_or_wrong_type_in_an_operator_resource_is_refused()
    {
        var cluster = RenderedOverlay.Of("production").First(d => d.Kind == "Cluster");
        var misspelt = (JsonObject)cluster.Json.DeepClone();
        misspelt["spec"]!["instance"] = 3;
        var wrongType = (JsonObject)cluster.Json.DeepClone();
        wrongType["spec"]!["instances"] = "three";

        Assert.False(Schema(cluster).Evaluate(JsonSerializer.SerializeToElement(misspelt)).IsValid);
        Assert.False(Schema(cluster).Evaluate(JsonSerializer.SerializeToElement(wrongType)).IsValid);
        Assert.True(Schema(cluster).Evaluate(JsonSerializer.SerializeToElement(cluster.Json)).IsValid);
    }

    private static bool IsCustomResource(RenderedDocument document)
    {
        var known = CustomResourceSchemas.ContainsKey($"{document.ApiVersion}/{document.Kind}");
        if (!known && document.Group.Contains('.', StringComparison.Ordinal) && !document.Group.EndsWith("k8s.io", StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"{document} ({document.ApiVersion}) is an operator kind with no schema: add one to Schemas/");
        }
        return known;
    }

    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    private static JsonSchema Schema(RenderedDocument document)
    {
        var file = CustomResourceSchemas[$"{document.ApiVersion}/{document.Kind}"];
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(file, out var schema))
            {
                schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", file));
                Schemas[file] = schema;
            }
            return schema;
        }
    }

    private static string Describe(EvaluationResults result) =>
        string.Join('\n', (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation}: {e.Value}")));
}
