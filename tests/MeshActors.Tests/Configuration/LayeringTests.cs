using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

public sealed class LayeringTests
{
    private static LayeredConfig Merge(ConfigSources sources) => MeshConfigLoader.Merge(sources);

    [Fact]
    public void Layers_apply_in_order_reference_files_environment_set()
    {
        using var folder = new TempConfigFolder();
        var first = folder.Write("first.conf", "meshactors { cluster.id = first, node.id = first, control.host = \"0.0.0.0\", shutdown.timeout = 9s }");
        var second = folder.Write("second.conf", "meshactors.shutdown.timeout = 7s");

        var layers = Merge(new ConfigSources
        {
            Files = [first, second],
            Environment = new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "env", ["MESHACTORS__NODE__ID"] = "env" },
            Overrides = ["meshactors.node.id=set"],
        });

        var root = layers.Resolved;
        root.GetString("meshactors.control.host").Should().Be("0.0.0.0");
        root.GetString("meshactors.shutdown.timeout").Should().Be("7s", "a later file overrides an earlier one");
        root.GetString("meshactors.cluster.id").Should().Be("env");
        root.GetString("meshactors.node.id").Should().Be("set");
        root.GetString("meshactors.control.port").Should().Be("7070");

        layers.OriginOf("meshactors.control.host").Should().Be(first);
        layers.OriginOf("meshactors.shutdown.timeout").Should().Be(second);
        layers.OriginOf("meshactors.cluster.id").Should().Be("env:MESHACTORS__CLUSTER__ID");
        layers.OriginOf("meshactors.node.id").Should().Be("--set meshactors.node.id");
        layers.OriginOf("meshactors.control.port").Should().Be("reference.conf");
    }

    [Fact]
    public void Environment_names_map_underscores_to_dashes_and_numbered_entries_to_lists()
    {
        var layers = Merge(new ConfigSources
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

        var root = layers.Resolved;
        root.GetString("meshactors.node.data-dir").Should().Be("/var/lib/mesh");
        root.GetStringList("meshactors.discovery.static.seeds").Should().Equal("10.0.0.1:7946", "10.0.0.2:7946");
        root.GetStringList("meshactors.extra").Should().Equal("1", "2");
        root.HasPath("path").Should().BeFalse();
        layers.OriginOf("meshactors.discovery.static.seeds").Should().Be("env:MESHACTORS__DISCOVERY__STATIC__SEEDS__N");
    }

    [Fact]
    public void A_set_value_is_read_as_hocon_so_a_list_is_a_list_and_a_substitution_sees_lower_layers()
    {
        var root = Merge(new ConfigSources
        {
            Environment = new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "payments" },
            Overrides = ["meshactors.discovery.static.seeds=[\"10.0.0.1:7946\",\"10.0.0.2:7946\"]", "meshactors.node.id=${meshactors.cluster.id}-1"],
        }).Resolved;

        root.GetStringList("meshactors.discovery.static.seeds").Should().Equal("10.0.0.1:7946", "10.0.0.2:7946");
        root.GetString("meshactors.node.id").Should().Be("payments-1");
    }

    [Fact]
    public void A_set_that_refers_to_its_own_path_is_refused_instead_of_overflowing_the_stack()
    {
        var act = () => Merge(new ConfigSources { Overrides = ["meshactors.cluster.id=${meshactors.cluster.id}-x"] });

        act.Should().Throw<ConfigFileException>()
            .Where(e => e.Origin == "--set meshactors.cluster.id")
            .WithMessage("*${meshactors.cluster.id} refers to itself*");
    }

    [Fact]
    public void An_environment_name_with_an_empty_segment_is_refused()
    {
        var act = () => Merge(new ConfigSources { Environment = new Dictionary<string, string> { ["MESHACTORS__NODE____ID"] = "x" } });

        act.Should().Throw<ConfigValidationException>().WithMessage("*MESHACTORS__NODE____ID*empty segment*MESHACTORS__NODE__ID*");
    }
}
