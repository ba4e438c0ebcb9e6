using MeshActors.Configuration;
using MeshActors.Discovery.Kubernetes;
using static MeshActors.Tests.Discovery.Kubernetes.ManifestDocuments;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>The invariants of deploy/kubernetes that break a cluster silently when they drift.</summary>
public sealed class KubernetesManifestTests
{
    private readonly ManifestDocuments _manifests = ManifestDocuments.Load();

    private Dictionary<object, object> Container => (Dictionary<object, object>)List(_manifests.Single("StatefulSet"), "spec.template.spec.containers").Single(c => Text(c, "name") == Env["MESHACTORS__DISCOVERY__KUBERNETES__CONTAINER_NAME"]);

    private Dictionary<string, string> Env => List(List(_manifests.Single("StatefulSet"), "spec.template.spec.containers")[0], "env")
        .Where(e => Text(e, "value") is not null)
        .ToDictionary(e => Text(e, "name")!, e => Text(e, "value")!);

    [Fact]
    public void The_role_grants_list_on_what_the_provider_lists_in_both_modes()
    {
        var rules = List(_manifests.Single("Role"), "rules");
        foreach (var mode in new[] { KubernetesDiscoveryOptions.PodsMode, KubernetesDiscoveryOptions.EndpointSlicesMode })
        {
            var options = new KubernetesDiscoveryOptions { Enabled = true, RefreshInterval = TimeSpan.FromSeconds(1), Mode = mode, ServiceName = "meshactors" };
            var query = KubernetesQuery.For(options, new Uri("https://10.96.0.1"), "default");

            rules.Should().Contain(r =>
                List(r, "apiGroups").Contains(query.ApiGroup) && List(r, "resources").Contains(query.Resource) && List(r, "verbs").Contains("list"),
                $"mode {mode} lists {query.Resource}");
        }
    }

    [Fact]
    public void The_binding_ties_the_role_to_the_pods_service_account()
    {
        var binding = _manifests.Single("RoleBinding");
        var account = Text(_manifests.Single("StatefulSet"), "spec.template.spec.serviceAccountName");

        Text(binding, "roleRef.name").Should().Be(Text(_manifests.Single("Role"), "metadata.name"));
        Text(_manifests.Single("ServiceAccount"), "metadata.name").Should().Be(account);
        List(binding, "subjects").Should().Contain(s => Text(s, "kind") == "ServiceAccount" && Text(s, "name") == account);
    }

    [Fact]
    public void The_label_selector_in_the_env_matches_the_pod_template_and_every_selector()
    {
        var statefulSet = _manifests.Single("StatefulSet");
        var labels = Map(statefulSet, "spec.template.metadata.labels");
        var selector = Env["MESHACTORS__DISCOVERY__KUBERNETES__LABEL_SELECTOR"].Split(',')
            .Select(term => term.Split('=', 2)).ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());

        selector.Should().NotBeEmpty().And.BeSubsetOf(labels);
        Map(statefulSet, "spec.selector.matchLabels").Should().BeSubsetOf(labels);
        Map(_manifests.Single("Service"), "spec.selector").Should().BeSubsetOf(labels);
        Map(_manifests.Single("PodDisruptionBudget"), "spec.selector.matchLabels").Should().BeSubsetOf(labels);
    }

    [Fact]
    public void The_service_is_headless_and_publishes_not_ready_addresses()
    {
        var service = _manifests.Single("Service");

        Text(service, "spec.clusterIP").Should().Be("None");
        Get(service, "spec.publishNotReadyAddresses").Should().Be("true");
        Text(_manifests.Single("StatefulSet"), "spec.serviceName").Should().Be(Text(service, "metadata.name"));
    }

    [Fact]
    public void Every_env_var_maps_to_a_real_setting_and_the_whole_env_binds()
    {
        var environment = Env.Where(e => e.Key.StartsWith("MESHACTORS__", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value.Replace("$(POD_NAME)", "meshactors-0").Replace("$(POD_IP)", "10.8.7.9").Replace("$(POD_NAMESPACE)", "default"));

        foreach (var (path, _, origin) in EnvironmentOverrides.From(environment))
        {
            MeshConfigLoader.IsKnownSetting(path).Should().BeTrue($"{origin} must name a setting of reference.conf, but {path} is not one");
        }

        var loaded = MeshConfigLoader.Load(new ConfigSources { Environment = environment });
        loaded.Warnings.Should().BeEmpty();
        loaded.Options.Discovery.Kubernetes.Enabled.Should().BeTrue();
    }

    [Fact]
    public void The_named_bootstrap_port_exists_and_the_readiness_probe_hits_the_health_endpoint()
    {
        var portName = Env["MESHACTORS__DISCOVERY__KUBERNETES__CONTAINER_PORT_NAME"];
        var ports = List(Container, "ports");

        ports.Should().Contain(p => Text(p, "name") == portName && Text(p, "containerPort") == Env.GetValueOrDefault("MESHACTORS__BOOTSTRAP__PORT", "8558"), "contact points are bootstrap endpoints");
        ports.Should().Contain(p => Text(p, "name") == "mesh" && Text(p, "containerPort") == Env.GetValueOrDefault("MESHACTORS__TRANSPORT__PORT", "7946"));
        Env.Keys.Should().NotContain(k => k.StartsWith("MESHACTORS__DISCOVERY__STATIC__SEEDS", StringComparison.Ordinal), "static seeds would bypass Cluster Bootstrap");
        Text(Container, "readinessProbe.httpGet.path").Should().Be("/health/ready");
        ports.Should().Contain(p => Text(p, "name") == Text(Container, "readinessProbe.httpGet.port") && Text(p, "containerPort") == "7070", "the control plane listens on 7070 by default");
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "MeshActors", "Control", "HealthEndpoints.cs")).Should().Contain("\"/health/ready\"");
    }
}
