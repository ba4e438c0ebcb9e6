using MeshActors.Configuration;

namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>The Kubernetes, AWS and HTTP settings bind from HOCON and reject what cannot work, naming the setting.</summary>
public sealed class PlatformOptionsBindingTests
{
    [Theory]
    [InlineData("meshactors.discovery.http.enabled=true", "meshactors.discovery.http.url", "is empty")]
    [InlineData("meshactors.discovery.http.enabled=true;meshactors.discovery.http.url=\"ftp://x\"", "meshactors.discovery.http.url", "not an http(s) URL")]
    [InlineData("meshactors.discovery.kubernetes.enabled=true;meshactors.discovery.kubernetes.mode=endpoint-slices", "meshactors.discovery.kubernetes.service-name", "needs the Service")]
    [InlineData("meshactors.discovery.kubernetes.enabled=true;meshactors.discovery.kubernetes.label-selector=\"\"", "meshactors.discovery.kubernetes.label-selector", "every pod")]
    [InlineData("meshactors.discovery.kubernetes.mode=watch", "meshactors.discovery.kubernetes.mode", "not one of pods, endpoint-slices")]
    [InlineData("meshactors.discovery.aws.enabled=true;meshactors.discovery.aws.tag-key=\"\"", "meshactors.discovery.aws.filters", "every running instance")]
    [InlineData("meshactors.discovery.aws.filters=\"tag:a=b=c\"", "meshactors.discovery.aws.filters", "more than one '='")]
    [InlineData("meshactors.discovery.aws.ports=[70000]", "meshactors.discovery.aws.ports.0", "not a port")]
    [InlineData("meshactors.discovery.aws.tags=[\"mesh-cluster=prod\"]", "meshactors.discovery.aws.tags", "replaced by meshactors.discovery.aws.filters")]
    [InlineData("meshactors.discovery.aws.port=7950", "meshactors.discovery.aws.port", "replaced by meshactors.discovery.aws.ports")]
    public void Unworkable_settings_are_reported_by_path(string settings, string path, string problem)
    {
        var act = () => MeshConfigLoader.Load(new ConfigSources { Overrides = settings.Split(';') });

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().Contain(e => e.Path == path && e.Problem.Contains(problem));
    }

    [Fact]
    public void Workable_settings_bind_to_typed_values()
    {
        var options = MeshConfigLoader.Load(new ConfigSources
        {
            Overrides =
            [
                "meshactors.discovery.kubernetes={ enabled = true, mode = endpoint-slices, service-name = mesh, container-port-name = mesh, include-not-ready = true }",
                "meshactors.discovery.aws={ enabled = true, tag-key = mesh-cluster, filters = \"tag:role=node;instance-type=m5.large,m5.xlarge\", ports = [7950, 7951], region = eu-west-1 }",
                "meshactors.discovery.http={ enabled = true, url = \"https://seeds.example.com/mesh.json\", timeout = 2s }",
            ],
        }).Options.Discovery;

        options.Kubernetes.Should().Match<MeshActors.Discovery.Kubernetes.KubernetesDiscoveryOptions>(k => k.Mode == "endpoint-slices" && k.ServiceName == "mesh" && k.IncludeNotReady && k.ContainerPortName == "mesh");
        options.Aws.TagKey.Should().Be("mesh-cluster");
        options.Aws.FilterList.Select(f => $"{f.Name}={string.Join(',', f.Values)}").Should().Equal("tag:role=node", "instance-type=m5.large,m5.xlarge");
        options.Aws.Ports.Should().Equal(7950, 7951);
        options.Http.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }
}
