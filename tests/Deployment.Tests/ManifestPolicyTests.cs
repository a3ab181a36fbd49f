using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Support.Testing;

namespace Support.Deployment.Tests;

/// <summary>What every rendered overlay must hold before a platform team applies it (issue 18, k8s/README.md).</summary>
public sealed partial class ManifestPolicyTests
{
    private static readonly string[] Services = ["referrals", "outreach", "missing", "therapy", "leavingcare", "supportline"];

    /// <summary>Idle RSS measured per service (docs/benchmarks.md, "First results": 207-228 MiB; the gateway 140 MiB idle, 163 after load).</summary>
    private const long MeasuredServiceRssMi = 228;
    private const long MeasuredGatewayRssMi = 163;

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_deployment_has_the_three_probes_on_the_health_endpoints(string overlay)
    {
        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var container = AppContainer(deployment);
            Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/health/live", container.StartupProbe?.HttpGet?.Path);
            Assert.All(new[] { container.LivenessProbe!, container.ReadinessProbe!, container.StartupProbe! },
                probe => Assert.Equal("http", probe.HttpGet.Port.Value));
            Assert.Contains(container.Ports, p => p.Name == "http" && p.ContainerPort == 8080);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_workload_container_has_requests_and_limits_that_cover_the_measured_memory(string overlay)
    {
        foreach (var (name, spec) in PodSpecs(overlay))
        {
            foreach (var container in spec.Containers)
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{name}/{container.Name}: no {resource} request");
                    Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{name}/{container.Name}: no {resource} limit");
                    Assert.True(container.Resources.Requests[resource].ToDecimal() <= container.Resources.Limits[resource].ToDecimal(),
                        $"{name}/{container.Name}: {resource} request above its limit");
                }
            }
        }
        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var memory = AppContainer(deployment).Resources.Requests["memory"].ToDecimal() / (1024 * 1024);
            var measured = deployment.Name() == "gateway" ? MeasuredGatewayRssMi : MeasuredServiceRssMi;
            Assert.True(memory >= measured, $"{deployment.Name()}: memory request {memory}Mi is below the measured {measured} MiB");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_workload_runs_non_root_read_only_without_privilege_escalation_or_capabilities(string overlay)
    {
        foreach (var (name, spec) in PodSpecs(overlay))
        {
            Assert.True(spec.SecurityContext?.RunAsNonRoot == true, $"{name}: runAsNonRoot");
            Assert.True(spec.SecurityContext.RunAsUser is > 0, $"{name}: runAsUser");
            Assert.Equal("RuntimeDefault", spec.SecurityContext.SeccompProfile?.Type);
            foreach (var container in spec.Containers)
            {
                var context = container.SecurityContext;
                Assert.True(context?.AllowPrivilegeEscalation == false, $"{name}/{container.Name}: allowPrivilegeEscalation");
                Assert.True(context.ReadOnlyRootFilesystem == true, $"{name}/{container.Name}: readOnlyRootFilesystem");
                Assert.True(context.Privileged != true, $"{name}/{container.Name}: privileged");
                Assert.Equal(["ALL"], context.Capabilities?.Drop ?? []);
                Assert.True(context.Capabilities?.Add is null or { Count: 0 }, $"{name}/{container.Name}: adds capabilities");
                // A read-only root needs somewhere to write: /tmp from an emptyDir.
                var tmp = Assert.Single(container.VolumeMounts ?? [], m => m.MountPath == "/tmp");
                Assert.NotNull(Assert.Single(spec.Volumes, v => v.Name == tmp.Name).EmptyDir);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_deployment_is_spread_over_nodes_and_zones(string overlay)
    {
        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var spec = deployment.Spec.Template.Spec;
            var antiAffinity = spec.Affinity?.PodAntiAffinity;
            Assert.True(antiAffinity is not null, $"{deployment.Name()}: no pod anti-affinity");
            Assert.Contains(antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution ?? [],
                t => t.PodAffinityTerm.TopologyKey == "kubernetes.io/hostname" && Matches(t.PodAffinityTerm.LabelSelector, deployment.Spec.Template.Metadata.Labels));
            Assert.Contains(spec.TopologySpreadConstraints, c => c.TopologyKey == "topology.kubernetes.io/zone");
            Assert.Contains(spec.TopologySpreadConstraints, c => c.TopologyKey == "kubernetes.io/hostname");
            Assert.All(spec.TopologySpreadConstraints, c => Assert.True(Matches(c.LabelSelector, deployment.Spec.Template.Metadata.Labels)));
        }
        Assert.All(Typed<V1Deployment>("production"), d =>
            Assert.Equal("DoNotSchedule", d.Spec.Template.Spec.TopologySpreadConstraints.Single(c => c.TopologyKey == "kubernetes.io/hostname").WhenUnsatisfiable));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_deployment_has_the_dapr_annotations_and_its_configuration_exists(string overlay)
    {
        var configurations = RenderedOverlay.Of(overlay).Where(d => d.Kind == "Configuration" && d.Group == "dapr.io").Select(d => d.Name).ToHashSet();
        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var annotations = deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>();
            Assert.Equal("true", annotations.Lookup("dapr.io/enabled"));
            Assert.Equal($"support-{deployment.Name()}", annotations.Lookup("dapr.io/app-id"));
            Assert.Equal(AppContainer(deployment).Ports.Single(p => p.Name == "http").ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                annotations.Lookup("dapr.io/app-port"));
            Assert.Contains(annotations.Lookup("dapr.io/config") ?? "(none)", configurations);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void The_namespace_denies_by_default_and_a_network_policy_admits_each_deployment(string overlay)
    {
        var policies = Typed<V1NetworkPolicy>(overlay);
        var defaultDeny = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.PodSelector.MatchExpressions is null
            && p.Spec.Ingress is null && p.Spec.Egress is null);
        Assert.Equal(["Ingress", "Egress"], defaultDeny.Spec.PolicyTypes);

        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            var admitting = policies.Where(p => p != defaultDeny && Matches(p.Spec.PodSelector, labels) && p.Spec.Ingress is { Count: > 0 }).ToList();
            Assert.True(admitting.Count > 0, $"{overlay}: no network policy admits traffic to {deployment.Name()}");
        }

        // Only the ingress controller reaches the gateway; only the gateway reaches the services.
        var gatewayLabels = Typed<V1Deployment>(overlay).Single(d => d.Name() == "gateway").Spec.Template.Metadata.Labels;
        var gatewayIngress = policies.Where(p => Matches(p.Spec.PodSelector, gatewayLabels)).SelectMany(p => p.Spec.Ingress ?? []).ToList();
        Assert.All(gatewayIngress.Where(r => r.Ports.Any(port => port.Port.Value == "8080")), rule =>
            Assert.All(rule.FromProperty, peer => Assert.Equal("ingress-nginx", peer.NamespaceSelector?.MatchLabels?["kubernetes.io/metadata.name"])));
        foreach (var service in Typed<V1Deployment>(overlay).Where(d => d.Name() != "gateway"))
        {
            var rules = policies.Where(p => Matches(p.Spec.PodSelector, service.Spec.Template.Metadata.Labels))
                .SelectMany(p => p.Spec.Ingress ?? []).Where(r => r.Ports.Any(port => port.Port.Value == "8080")).ToList();
            Assert.NotEmpty(rules);
            Assert.All(rules.SelectMany(r => r.FromProperty), peer =>
                Assert.True(peer.NamespaceSelector is null && Matches(peer.PodSelector, gatewayLabels) && peer.PodSelector.MatchLabels?.Lookup("app.kubernetes.io/name") == "gateway",
                    $"{service.Name()}: port 8080 open to something other than the gateway"));
        }

        // Nothing but the support line egresses to the internet on 443 (CloudNativePG's backups aside).
        var internet = policies.Where(p => (p.Spec.Egress ?? []).Any(r => (r.To ?? []).Any(peer => peer.IpBlock?.Cidr == "0.0.0.0/0"))).Select(p => p.Name()).Order().ToList();
        Assert.Equal(["postgres", "supportline-to-twilio"], internet);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void No_image_is_unpinned_or_latest(string overlay)
    {
        var images = PodSpecs(overlay).SelectMany(p => p.Spec.Containers.Concat(p.Spec.InitContainers ?? []).Select(c => c.Image)).ToList();
        images.AddRange(RenderedOverlay.Of(overlay).Where(d => d.Kind == "Cluster").Select(d => (string)d.Json["spec"]!["imageName"]!));
        images.AddRange(RenderedOverlay.Of(overlay).Where(d => d.Kind == "RabbitmqCluster").Select(d => (string)d.Json["spec"]!["image"]!));
        Assert.True(images.Count >= 15, $"only {images.Count} images found");
        Assert.All(images, image =>
        {
            var match = ImageReference().Match(image);
            Assert.True(match.Success, $"{image} has no tag or digest");
            Assert.NotEqual("latest", match.Groups["tag"].Value);
        });
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void No_secret_value_is_written_in_the_manifests(string overlay)
    {
        var documents = RenderedOverlay.Of(overlay);
        Assert.DoesNotContain(documents, d => d.Kind == "Secret");
        foreach (var (name, spec) in PodSpecs(overlay))
        {
            foreach (var variable in spec.Containers.SelectMany(c => c.Env ?? []))
            {
                if (variable.Value is null)
                {
                    continue;
                }
                Assert.False(SecretLooking().IsMatch(variable.Name), $"{name}: {variable.Name} holds a literal value; reference a Secret");
                // Connection strings carry credentials only as $(VAR) references to secretKeyRef variables.
                var password = PasswordInConnectionString().Match(variable.Value);
                if (password.Success)
                {
                    var reference = password.Groups[1].Value;
                    Assert.Matches(@"^\$\([A-Z_]+\)$", reference);
                    var referenced = spec.Containers.SelectMany(c => c.Env ?? []).Single(e => $"$({e.Name})" == reference);
                    Assert.NotNull(referenced.ValueFrom?.SecretKeyRef);
                }
            }
        }
        foreach (var map in Typed<V1ConfigMap>(overlay))
        {
            Assert.All(map.Data ?? new Dictionary<string, string>(), kv =>
                Assert.False(SecretLooking().IsMatch(kv.Key) && !kv.Key.StartsWith("Secrets__", StringComparison.Ordinal), $"{map.Name()}: {kv.Key}"));
        }
        // Dapr components name their secrets, never hold them.
        foreach (var component in documents.Where(d => d.Kind == "Component"))
        {
            foreach (var item in component.Json["spec"]!["metadata"]!.AsArray().Select(i => i!.AsObject()))
            {
                Assert.False(SecretLooking().IsMatch((string)item["name"]!) && item.ContainsKey("value"), $"{component}: {item["name"]} is inline");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Each_service_has_a_migration_job_that_runs_before_its_deployment(string overlay)
    {
        var deployments = Typed<V1Deployment>(overlay).ToDictionary(d => d.Name());
        var jobs = Typed<V1Job>(overlay).ToDictionary(j => j.Name());
        Assert.Equal(Services.Select(s => $"{s}-migrate").Order(), jobs.Keys.Order());
        foreach (var service in Services)
        {
            var job = jobs[$"{service}-migrate"];
            var deployment = deployments[service];
            var migrate = Assert.Single(job.Spec.Template.Spec.Containers);
            Assert.Equal(["--migrate", "--deploy-topology"], migrate.Args);
            Assert.Equal(AppContainer(deployment).Image, migrate.Image);
            Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
            Assert.Equal("false", job.Spec.Template.Metadata.Annotations?["dapr.io/enabled"]);
            // The Job migrates with the owner's login; the Deployment runs with the app's (DML only).
            Assert.Equal($"{service}-db-owner", SecretOf(migrate, "DB_PASSWORD"));
            Assert.Equal($"{service}-db-app", SecretOf(AppContainer(deployment), "DB_PASSWORD"));

            // Argo CD: the Job is a Sync hook in an earlier wave than the Deployment, replaced on every sync.
            Assert.Equal("Sync", job.Metadata.Annotations["argocd.argoproj.io/hook"]);
            Assert.Equal("BeforeHookCreation", job.Metadata.Annotations["argocd.argoproj.io/hook-delete-policy"]);
            Assert.True(Wave(job) < Wave(deployment), $"{service}: the Job's sync wave is not before the Deployment's");
        }
        // Without Argo CD, k8s/deploy.sh applies and waits for the Jobs before it applies the services.
        var script = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "k8s", "deploy.sh"));
        var migrations = script.IndexOf("kubectl apply -f \"$rendered\" -l app.kubernetes.io/component=migration", StringComparison.Ordinal);
        var waitForJobs = script.IndexOf("wait --for=condition=Complete job -l app.kubernetes.io/component=migration", StringComparison.Ordinal);
        var services = script.IndexOf("kubectl apply -f \"$rendered\" -l 'app.kubernetes.io/component in (service,gateway)'", StringComparison.Ordinal);
        Assert.True(migrations > 0 && waitForJobs > migrations && services > waitForJobs, "deploy.sh must apply the Jobs, wait for them, then apply the services");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_deployment_has_a_service_a_disruption_budget_and_an_autoscaler(string overlay)
    {
        var services = Typed<V1Service>(overlay);
        var budgets = Typed<V1PodDisruptionBudget>(overlay);
        var autoscalers = Typed<V2HorizontalPodAutoscaler>(overlay);
        foreach (var deployment in Typed<V1Deployment>(overlay))
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.True(Matches(deployment.Spec.Selector, labels));
            var service = Assert.Single(services, s => s.Spec.Selector is not null && s.Spec.Selector.All(kv => labels.Lookup(kv.Key) == kv.Value));
            Assert.Equal("http", Assert.Single(service.Spec.Ports).TargetPort.Value);
            Assert.Single(budgets, b => Matches(b.Spec.Selector, labels));
            var hpa = Assert.Single(autoscalers, h => h.Spec.ScaleTargetRef.Name == deployment.Name() && h.Spec.ScaleTargetRef.Kind == "Deployment");
            Assert.True(hpa.Spec.MinReplicas <= hpa.Spec.MaxReplicas);
            Assert.Contains(hpa.Spec.Metrics, m => m.Resource?.Name == "cpu");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void The_gateway_ingress_terminates_tls_and_limits_the_body_as_the_gateway_does(string overlay)
    {
        var ingress = Assert.Single(Typed<V1Ingress>(overlay));
        var tls = Assert.Single(ingress.Spec.Tls);
        Assert.Equal(ingress.Spec.Rules.Single().Host, Assert.Single(tls.Hosts));
        Assert.False(string.IsNullOrEmpty(tls.SecretName));
        Assert.Equal("gateway", ingress.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name);
        // Kestrel's default MaxRequestBodySize: the gateway sets no other.
        Assert.Equal("30000000", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-body-size"]);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_referenced_config_map_exists_and_services_point_at_the_collector_and_quorum_queues(string overlay)
    {
        var maps = Typed<V1ConfigMap>(overlay).ToDictionary(m => m.Name());
        foreach (var (name, spec) in PodSpecs(overlay))
        {
            foreach (var reference in spec.Containers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.ConfigMapRef?.Name).OfType<string>())
            {
                Assert.True(maps.ContainsKey(reference), $"{name}: ConfigMap {reference} is not rendered");
            }
        }
        var platform = Assert.Single(maps.Values, m => m.Name().StartsWith("support-platform-", StringComparison.Ordinal));
        Assert.StartsWith("http://", platform.Data["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
        Assert.Equal("quorum", platform.Data["RabbitMq__QueueType"]);
        Assert.Equal("quorum", RabbitConfig(overlay)["default_queue_type"]);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.All), MemberType = typeof(RenderedOverlay))]
    public void Every_workload_validates_tokens_against_an_oidc_authority_and_never_the_shared_development_key(string overlay)
    {
        // Issue 17: outside Development and Testing a service refuses the shared key at start-up, so a manifest that
        // still carried one (or ran in Development to dodge the check) would deploy pods that never become ready, or
        // accept tokens anyone holding the key could mint.
        var platform = Assert.Single(Typed<V1ConfigMap>(overlay), m => m.Name().StartsWith("support-platform-", StringComparison.Ordinal));
        Assert.DoesNotContain(platform.Data["ASPNETCORE_ENVIRONMENT"], Support.ServiceDefaults.Auth.SupportAuthentication.SharedKeyEnvironments);
        Assert.StartsWith("https://", platform.Data["Auth__Oidc__Authority"], StringComparison.Ordinal);
        foreach (var (name, spec) in PodSpecs(overlay))
        {
            Assert.All(spec.Containers.SelectMany(c => c.Env ?? []), e => Assert.False(
                e.Name.StartsWith("Auth__SigningKey", StringComparison.Ordinal), $"{name}: {e.Name}"));
        }
        // The migration Jobs serve no requests (--migrate skips the check); every Deployment reads the authority.
        Assert.All(Typed<V1Deployment>(overlay), d => Assert.Contains(
            AppContainer(d).EnvFrom ?? [], e => e.ConfigMapRef?.Name == platform.Name()));
    }

    [Fact]
    public void The_alert_rules_cover_the_outbox_backlog_error_queues_and_deadline_jobs()
    {
        var rules = RenderedOverlay.Of("production").Single(d => d.Kind == "PrometheusRule").Json["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!.AsObject()).ToDictionary(r => (string)r["alert"]!, r => (string)r["expr"]!);
        Assert.Contains("support_outbox_oldest_pending_age_seconds", rules["SupportOutboxBacklogOld"], StringComparison.Ordinal);
        Assert.EndsWith("> 300", rules["SupportOutboxBacklogOld"], StringComparison.Ordinal);
        Assert.Contains("_error", rules["SupportErrorQueueGrowing"], StringComparison.Ordinal);
        Assert.EndsWith("> 600", rules["SupportDeadlineJobStalled"], StringComparison.Ordinal);
    }

    [Fact]
    public void Production_runs_three_of_everything_and_backs_up_postgres_while_dev_runs_one()
    {
        Assert.All(Typed<V1Deployment>("production"), d => Assert.Equal(3, d.Spec.Replicas));
        Assert.All(Typed<V1Deployment>("dev"), d => Assert.Equal(1, d.Spec.Replicas));
        var production = RenderedOverlay.Of("production");
        Assert.Equal(3L, (long)production.Single(d => d.Kind == "Cluster").Json["spec"]!["instances"]!);
        Assert.Equal(3L, (long)production.Single(d => d.Kind == "RabbitmqCluster").Json["spec"]!["replicas"]!);
        Assert.NotNull(production.Single(d => d.Kind == "Cluster").Json["spec"]!["backup"]!["barmanObjectStore"]);
        Assert.Contains(production, d => d.Kind == "ScheduledBackup");
        Assert.Equal(Services.Select(s => $"support_{s}").Order(),
            production.Where(d => d.Kind == "Database").Select(d => (string)d.Json["spec"]!["name"]!).Order());
    }

    private static Dictionary<string, string> RabbitConfig(string overlay) =>
        ((string)RenderedOverlay.Of(overlay).Single(d => d.Kind == "RabbitmqCluster").Json["spec"]!["rabbitmq"]!["additionalConfig"]!)
            .Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());

    private static string? SecretOf(V1Container container, string variable) =>
        container.Env.Single(e => e.Name == variable).ValueFrom?.SecretKeyRef?.Name;

    private static int Wave(IMetadata<V1ObjectMeta> resource) =>
        int.Parse(resource.Metadata.Annotations?.Lookup("argocd.argoproj.io/sync-wave") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static V1Container AppContainer(V1Deployment deployment) =>
        Assert.Single(deployment.Spec.Template.Spec.Containers, c => c.Name == deployment.Name());

    private static List<T> Typed<T>(string overlay) =>
        RenderedOverlay.Of(overlay)
            .Where(d => !ManifestModelTests.CustomResourceSchemas.ContainsKey($"{d.ApiVersion}/{d.Kind}"))
            .Select(d => KubernetesYaml.LoadAllFromString(d.Yaml, typeMap: null, strict: true).Single())
            .OfType<T>().ToList();

    private static IEnumerable<(string Name, V1PodSpec Spec)> PodSpecs(string overlay) =>
        Typed<V1Deployment>(overlay).Select(d => ($"Deployment/{d.Name()}", d.Spec.Template.Spec))
            .Concat(Typed<V1Job>(overlay).Select(j => ($"Job/{j.Name()}", j.Spec.Template.Spec)));

    /// <summary>Kubernetes label-selector semantics (matchLabels and matchExpressions).</summary>
    private static bool Matches(V1LabelSelector? selector, IDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }
        var byLabels = (selector.MatchLabels ?? new Dictionary<string, string>()).All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
        var byExpressions = (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException(e.OperatorProperty),
        });
        return byLabels && byExpressions;
    }

    [GeneratedRegex("^[^@]+?(:(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@sha256:[0-9a-f]{64})$")]
    private static partial Regex ImageReference();

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|SIGNINGKEY|AUTHTOKEN|APIKEY|ACCESS_?KEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();

    [GeneratedRegex("Password=([^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();
}

internal static class LabelDictionaries
{
    public static string? Lookup(this IDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? value : null;
}
