using MeshActors.Configuration;
using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration;

public sealed class LayeringTests
{
    private static HoconObject Resolve(ConfigSources sources) => MeshConfigLoader.Resolve(sources);

    private static string Get(HoconObject root, string path) => root.TryGet(path, out var v) ? v.ToString()! : "<missing>";

    [Fact]
    public void Layers_apply_in_order_reference_files_environment_set()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "meshactors { cluster.id = file, node.id = file, control.host = \"0.0.0.0\" }");
        try
        {
            var root = Resolve(new ConfigSources
            {
                Files = [file],
                Environment = new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "env", ["MESHACTORS__NODE__ID"] = "env" },
                Overrides = ["meshactors.node.id=set"],
            });

            Get(root, "meshactors.control.host").Should().Be("0.0.0.0");
            Get(root, "meshactors.cluster.id").Should().Be("env");
            Get(root, "meshactors.node.id").Should().Be("set");
            Get(root, "meshactors.control.port").Should().Be("7070");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Environment_names_map_underscores_to_dashes_and_numbered_entries_to_lists()
    {
        var root = Resolve(new ConfigSources
        {
            Environment = new Dictionary<string, string>
            {
                ["MESHACTORS__NODE__DATA_DIR"] = "/var/lib/mesh",
                ["MESHACTORS__DISCOVERY__STATIC__SEEDS__1"] = "10.0.0.2:7946",
                ["MESHACTORS__DISCOVERY__STATIC__SEEDS__0"] = "10.0.0.1:7946",
                ["MESHACTORS__EXTRA"] = "[1, 2]",
                ["PATH"] = "/usr/bin",
            },
        });

        Get(root, "meshactors.node.data-dir").Should().Be("/var/lib/mesh");
        root.TryGet("meshactors.discovery.static.seeds", out var seeds).Should().BeTrue();
        seeds.Should().BeOfType<HoconArray>().Which.Select(s => s.ToString()).Should().Equal("10.0.0.1:7946", "10.0.0.2:7946");
        root.TryGet("meshactors.extra", out var extra).Should().BeTrue();
        extra.Should().BeOfType<HoconArray>().Which.Should().HaveCount(2);
    }

    [Fact]
    public void A_set_value_is_read_as_hocon_so_a_list_is_a_list_and_a_substitution_sees_lower_layers()
    {
        var root = Resolve(new ConfigSources
        {
            Overrides = ["meshactors.discovery.static.seeds=[\"10.0.0.1:7946\",\"10.0.0.2:7946\"]", "meshactors.node.id=${meshactors.cluster.id}-1"],
        });

        root.TryGet("meshactors.discovery.static.seeds", out var seeds).Should().BeTrue();
        seeds.Should().BeOfType<HoconArray>().Which.Should().HaveCount(2);
        Get(root, "meshactors.node.id").Should().Be("meshactors-1");
    }

    [Fact]
    public void An_environment_name_with_an_empty_segment_is_refused()
    {
        var act = () => Resolve(new ConfigSources { Environment = new Dictionary<string, string> { ["MESHACTORS__NODE____ID"] = "x" } });
        act.Should().Throw<ConfigValidationException>().WithMessage("*empty segment*MESHACTORS__NODE__ID*");
    }
}
