using MeshActors.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AddHocon_exposes_flattened_keys()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(() => new HoconLoader()
                .AddText("meshactors.node { id = n1, port = 7946 }\nmeshactors.seeds = [\"10.0.0.1:7946\", \"10.0.0.2:7946\"]\nmeshactors.gone = null", "app.conf")
                .AddValue("meshactors.node.port", "7947", "cli"))
            .Build();

        configuration["meshactors:node:id"].Should().Be("n1");
        configuration["MeshActors:Node:Port"].Should().Be("7947");
        configuration["meshactors:seeds:1"].Should().Be("10.0.0.2:7946");
        configuration.GetSection("meshactors:seeds").GetChildren().Select(c => c.Value).Should().Equal("10.0.0.1:7946", "10.0.0.2:7946");
        configuration["meshactors:gone"].Should().BeNull();
    }

    [Fact]
    public void Binds_to_options_classes()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(() => new HoconLoader().AddText("node { id = n1, port = 7946, enabled = true, seeds = [a, b] }", "app.conf"))
            .Build();

        var node = configuration.GetSection("node").Get<NodeSettings>()!;

        node.Id.Should().Be("n1");
        node.Port.Should().Be(7946);
        node.Enabled.Should().BeTrue();
        node.Seeds.Should().Equal("a", "b");
    }

    [Fact]
    public void Later_configuration_sources_override_hocon()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(() => new HoconLoader().AddText("a.b = hocon", "app.conf"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["a:b"] = "memory" })
            .Build();

        configuration["a:b"].Should().Be("memory");
    }

    [Fact]
    public void Reload_runs_the_factory_again_and_signals_the_change()
    {
        var file = folder.Write("app.conf", "port = 1");
        var loads = 0;
        var configuration = new ConfigurationBuilder()
            .AddHocon(() =>
            {
                loads++;
                return new HoconLoader().AddFile(file);
            })
            .Build();
        var changed = false;
        configuration.GetReloadToken().RegisterChangeCallback(_ => changed = true, null);

        File.WriteAllText(file, "port = 2");
        configuration.Reload();

        loads.Should().Be(2);
        configuration["port"].Should().Be("2");
        changed.Should().BeTrue();
    }

    [Fact]
    public void A_failed_reload_keeps_the_previous_data()
    {
        var file = folder.Write("app.conf", "port = 1");
        var source = new HoconConfigurationSource(() => new HoconLoader().AddFile(file));
        var provider = (HoconConfigurationProvider)source.Build(new ConfigurationBuilder());
        provider.Load();

        File.WriteAllText(file, "port = ${missing}");
        var reload = () => provider.Reload();

        reload.Should().Throw<HoconException>().WithMessage($"{file}:1:8: could not resolve substitution ${{missing}}");
        provider.TryGet("port", out var port).Should().BeTrue();
        port.Should().Be("1");
    }

    [Fact]
    public void Resolve_options_reach_the_loader()
    {
        var options = new HoconResolveOptions { UseEnvironmentFallback = true, EnvironmentLookup = name => name == "NODE_ID" ? "from-env" : null };
        var configuration = new ConfigurationBuilder()
            .AddHocon(() => new HoconLoader().AddText("id = ${NODE_ID}", "app.conf"), options)
            .Build();

        configuration["id"].Should().Be("from-env");
    }

    private sealed class NodeSettings
    {
        public string Id { get; set; } = "";

        public int Port { get; set; }

        public bool Enabled { get; set; }

        public List<string> Seeds { get; set; } = [];
    }
}
