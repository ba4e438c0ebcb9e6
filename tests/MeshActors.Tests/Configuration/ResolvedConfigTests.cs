using System.Text.Json;
using MeshActors.Configuration;
using MeshActors.Hosting;

namespace MeshActors.Tests.Configuration;

/// <summary><c>meshctl config resolve</c>'s JSON: known settings and open-map entries, never unknown ones, and the akka section.</summary>
public sealed class ResolvedConfigTests
{
    [Fact]
    public void Unknown_settings_are_left_out_while_known_ones_and_open_map_entries_are_shown()
    {
        var fingerprint = "sha256:" + new string('b', 64);
        var loaded = MeshConfigLoader.Load(new ConfigSources
        {
            Overrides =
            [
                "meshactors.control.prot=1",
                "meshactors.bogus.section.x=1",
                "meshactors.control.port=7171",
                $"meshactors.transport.tls.pinned-keys.node-b=\"{fingerprint}\"",
                "meshactors.node.metadata.labels.\"tier.level\"=gold",
            ],
        });
        loaded.Warnings.Should().HaveCount(2);

        using var json = JsonDocument.Parse(ResolvedConfig.ToJson(loaded));
        var mesh = json.RootElement.GetProperty("meshactors");

        mesh.GetProperty("control").TryGetProperty("prot", out _).Should().BeFalse();
        mesh.TryGetProperty("bogus", out _).Should().BeFalse("a section with only unknown settings is left out too");
        mesh.GetProperty("control").GetProperty("port").GetString().Should().Be("7171");
        mesh.GetProperty("transport").GetProperty("tls").GetProperty("pinned-keys").GetProperty("node-b").GetString().Should().Be(fingerprint);
        mesh.GetProperty("node").GetProperty("metadata").GetProperty("labels").GetProperty("tier.level").GetString().Should().Be("gold");
        mesh.GetProperty("membership").GetProperty("profiles").EnumerateObject().Select(p => p.Name).Should().Equal("lan", "local", "wan");
    }

    [Fact]
    public void The_akka_section_shows_what_meshactors_writes()
    {
        var loaded = MeshConfigLoader.Load(new ConfigSources { Overrides = ["meshactors.membership.profile=wan"] });

        using var json = JsonDocument.Parse(ResolvedConfig.ToJson(loaded));
        var cluster = json.RootElement.GetProperty("akka").GetProperty("cluster");

        cluster.GetProperty("split-brain-resolver").GetProperty("active-strategy").GetString().Should().Be("keep-majority");
        cluster.GetProperty("split-brain-resolver").GetProperty("stable-after").GetString().Should().Be("15000ms");
        cluster.GetProperty("failure-detector").GetProperty("threshold").GetString().Should().Be("10");
    }
}
