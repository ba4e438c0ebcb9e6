using Akka.Configuration;
using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

/// <summary>The application's own HOCON (an embedder's AddHocon): above reference.conf, below files,
/// environment and <c>--set</c>; only its <c>meshactors</c> section is read.</summary>
public sealed class ApplicationLayerTests
{
    private static readonly Config Application = ConfigurationFactory.ParseString("meshactors.cluster.id = app\nmeshactors.control.port = 7171\nakka.loglevel = DEBUG");

    [Fact]
    public void The_application_layer_sits_above_reference_conf()
    {
        var loaded = MeshConfigLoader.Load(new ConfigSources(), Application);

        loaded.Options.Cluster.Id.Should().Be("app");
        loaded.Options.Control.Port.Should().Be(7171);
        loaded.Options.Transport.Port.Should().Be(7946, "what the application does not set comes from reference.conf");
        loaded.Layers.OriginOf("meshactors.cluster.id").Should().Be(MeshConfigLoader.ApplicationOrigin);
        loaded.Layers.OriginOf("meshactors.transport.port").Should().Be("reference.conf");
    }

    [Fact]
    public void Files_environment_and_set_override_the_application_layer()
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write("node.conf", "meshactors.control.port = 7272");

        var loaded = MeshConfigLoader.Load(
            new ConfigSources
            {
                Files = [file],
                Environment = new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "env" },
            },
            Application);
        var set = MeshConfigLoader.Load(new ConfigSources { Environment = new Dictionary<string, string> { ["MESHACTORS__CLUSTER__ID"] = "env" }, Overrides = ["meshactors.cluster.id=set"] }, Application);

        loaded.Options.Control.Port.Should().Be(7272);
        loaded.Options.Cluster.Id.Should().Be("env");
        set.Options.Cluster.Id.Should().Be("set");
        set.Layers.OriginOf("meshactors.cluster.id").Should().Be("--set meshactors.cluster.id");
    }

    [Fact]
    public void Only_the_meshactors_section_of_the_application_is_read()
    {
        var loaded = MeshConfigLoader.Load(new ConfigSources(), Application);

        loaded.Root.HasPath("akka.loglevel").Should().BeFalse("the embedder's akka.* settings reach Akka through Akka.Hosting, not this loader");
        MeshConfigLoader.Load(new ConfigSources(), ConfigurationFactory.ParseString("other.setting = 1")).Options.Cluster.Id.Should().Be("meshactors");
    }

    [Fact]
    public void Keys_with_dots_and_strings_with_quotes_survive_the_application_layer()
    {
        var application = ConfigurationFactory.ParseString("meshactors.node.metadata.labels { \"a.b\" = \"x\\\"y\", plain = \"#not a comment//\" }\nmeshactors.node.metadata.roles = [\"front end\", worker]");

        var loaded = MeshConfigLoader.Load(new ConfigSources(), application);

        loaded.Options.Node.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["a.b"] = "x\"y", ["plain"] = "#not a comment//" });
        loaded.Options.Node.Metadata.Roles.Should().Equal("front end", "worker");
        loaded.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_later_layer_can_refer_to_a_value_of_the_application_layer()
    {
        var loaded = MeshConfigLoader.Load(new ConfigSources { Overrides = ["meshactors.node.id=${meshactors.cluster.id}-node-1"] }, Application);

        loaded.Options.Node.Id.Should().Be("app-node-1");
    }
}
