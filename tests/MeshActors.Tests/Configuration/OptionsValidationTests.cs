using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static LoadedConfig Load(params string[] overrides) => MeshConfigLoader.Load(new ConfigSources { Overrides = overrides });

    [Fact]
    public void Every_invalid_setting_is_reported_at_once_with_its_path_origin_and_a_fix()
    {
        var act = () => Load(
            "meshactors.control.port=-1",
            "meshactors.transport.host=\"not a host\"",
            "meshactors.node.id=\"has space\"",
            "meshactors.node.metadata.capacity=0",
            "meshactors.membership.profiles.lan.threshold=0",
            "meshactors.discovery.dns.timeout=1 fortnight",
            "meshactors.logging.level=Loud",
            "meshactors.control.enabled=maybe");

        var exception = act.Should().Throw<ConfigValidationException>().Which;
        var paths = new[]
        {
            "meshactors.control.port", "meshactors.transport.host", "meshactors.node.id", "meshactors.node.metadata.capacity",
            "meshactors.membership.profiles.lan.threshold", "meshactors.discovery.dns.timeout", "meshactors.logging.level", "meshactors.control.enabled",
        };
        exception.Errors.Select(e => e.Path).Should().BeEquivalentTo(paths);
        exception.Errors.Should().OnlyContain(e => e.Fix.Length > 0 && e.Origin == "--set " + e.Path);
        foreach (var path in paths)
        {
            exception.Message.Should().Contain($"{path} (set at --set {path}): ").And.Contain("Fix: ");
        }
    }

    [Theory]
    [InlineData("meshactors.control.port=7946", "meshactors.control.port", "also meshactors.transport.port")]
    [InlineData("meshactors.discovery.failure-backoff.min=2m", "meshactors.discovery.failure-backoff.min", "above failure-backoff.max")]
    [InlineData("meshactors.cluster.id=\"\"", "meshactors.cluster.id", "is not a valid id")]
    [InlineData("meshactors.cluster.id=null", "meshactors.cluster.id", "is missing")]
    [InlineData("meshactors.control=null", "meshactors.control.port", "is missing")]
    [InlineData("meshactors.control.port=[1,2]", "meshactors.control.port", "found a list")]
    [InlineData("meshactors.transport.host=\"0.0.0.0\"", "meshactors.transport.advertised-host", "which peers cannot dial")]
    [InlineData("meshactors.transport.tls.cert=/etc/mesh/node.crt", "meshactors.transport.tls.ca", "is empty while tls.cert is set")]
    [InlineData("meshactors.transport.tls.mode=tls", "meshactors.transport.tls.mode", "is not one of mutual, insecure")]
    [InlineData("meshactors.transport.max-message-size=12 parsecs", "meshactors.transport.max-message-size", "is not a size")]
    [InlineData("meshactors.transport.max-message-size=1GiB", "meshactors.transport.max-message-size", "out of range")]
    [InlineData("meshactors.transport.tls.pinned-keys.node-b=\"md5:abc\"", "meshactors.transport.tls.pinned-keys.\"node-b\"", "not a fingerprint")]
    [InlineData("meshactors.membership.profile=fast", "meshactors.membership.profile", "is not one of lan, local, wan")]
    [InlineData("meshactors.membership.profiles.lan.stable-after=1s", "meshactors.membership.profiles.lan.stable-after", "is not above acceptable-heartbeat-pause")]
    [InlineData("meshactors.membership.profiles.lan.heartbeat-interval=2s", "meshactors.membership.profiles.lan.heartbeat-interval", "is not below acceptable-heartbeat-pause")]
    [InlineData("meshactors.membership.profiles.lan.gossip-interval=forever", "meshactors.membership.profiles.lan.gossip-interval", "is not a duration")]
    [InlineData("meshactors.discovery.static.seeds=[\"10.0.0.1\"]", "meshactors.discovery.static.seeds.0", "")]
    [InlineData("meshactors.discovery.static.seeds=\"10.0.0.1:7946\"", "meshactors.discovery.static.seeds", "expected a list")]
    [InlineData("meshactors.node.metadata.roles=worker", "meshactors.node.metadata.roles", "expected a list")]
    [InlineData("meshactors.node.metadata.roles=[[\"a\"]]", "meshactors.node.metadata.roles.0", "expected a string")]
    [InlineData("meshactors.node.metadata.capacity=1000001", "meshactors.node.metadata.capacity", "out of range")]
    [InlineData("meshactors.shutdown.linger=5s", "meshactors.shutdown.linger", "5000 ms is not below meshactors.shutdown.timeout (5000 ms)")]
    [InlineData("meshactors.bootstrap.port=7946", "meshactors.bootstrap.port", "is also the meshactors.transport.port")]
    [InlineData("meshactors.sharding.namespaces.orders.shards=0", "meshactors.sharding.namespaces.\"orders\".shards", "out of range")]
    [InlineData("meshactors.sharding.namespaces.orders.strategy=random", "meshactors.sharding.namespaces.\"orders\".strategy", "is not one of rendezvous, ring, locality")]
    [InlineData("meshactors.sharding.namespaces.orders.shard=5", "meshactors.sharding.namespaces.\"orders\".shard", "is not a namespace setting")]
    [InlineData("meshactors.sharding.max-parallel-moves=0", "meshactors.sharding.max-parallel-moves", "out of range")]
    [InlineData("meshactors.leadership.scopes=[eu, eu]", "meshactors.leadership.scopes.1", "is listed twice")]
    [InlineData("meshactors.leadership.scopes=[global]", "meshactors.leadership.scopes.0", "is the cluster-wide leader's scope")]
    [InlineData("meshactors.leadership.scopes=[\"eu west\"]", "meshactors.leadership.scopes.0", "is not a valid scope name")]
    [InlineData("meshactors.leadership.lease.store=etcd", "meshactors.leadership.lease.store", "is not one of sqlite, postgres, cluster")]
    [InlineData("meshactors.leadership.retry-interval=0s", "meshactors.leadership.retry-interval", "out of range")]
    [InlineData("meshactors.bootstrap.split-check-interval=2h", "meshactors.bootstrap.split-check-interval", "out of range")]
    public void Cross_field_and_shape_problems_name_the_setting(string assignment, string path, string problem)
    {
        var act = () => Load(assignment);

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().Contain(e => e.Path == path && e.Problem.Contains(problem) && e.Fix.Length > 0);
    }

    [Fact]
    public void Shard_namespaces_are_read_with_defaults_and_their_leader_scope_must_be_elected()
    {
        const string sqlite = "meshactors.leadership.lease.store=sqlite";
        var options = Load(sqlite, "meshactors.sharding.namespaces.orders.shards=64", "meshactors.sharding.namespaces.users.strategy=ring", "meshactors.sharding.namespaces.users.shards=8").Options.Sharding;
        options.Namespaces.Select(n => (n.Namespace.Name, n.Namespace.ShardCount, n.Strategy.Name)).Should().Equal(("orders", 64, "rendezvous"), ("users", 8, "ring"));

        var act = () => Load(sqlite, "meshactors.sharding.namespaces.orders.shards=8", "meshactors.sharding.leader-scope=eu");
        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.sharding.leader-scope" && e.Problem.Contains("is not an elected scope (global)"));
        Load(sqlite, "meshactors.sharding.namespaces.orders.shards=8", "meshactors.sharding.leader-scope=eu", "meshactors.leadership.scopes=[eu]").Options.Sharding.LeaderScope.Should().Be("eu");

        var cluster = () => Load("meshactors.sharding.namespaces.orders.shards=8"); // the default lease store, cluster
        cluster.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.sharding.namespaces" && e.Problem.Contains("the cluster lease store has none"));
    }

    [Fact]
    public void A_problem_with_one_item_of_a_list_names_the_layer_that_set_the_list()
    {
        var act = () => MeshConfigLoader.Load(new ConfigSources
        {
            Environment = new Dictionary<string, string> { ["MESHACTORS__DISCOVERY__STATIC__SEEDS__0"] = "10.0.0.1:7946", ["MESHACTORS__DISCOVERY__STATIC__SEEDS__1"] = "10.0.0.2" },
        });

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ConfigError>(e => e.Path == "meshactors.discovery.static.seeds.1" && e.Origin == "env:MESHACTORS__DISCOVERY__STATIC__SEEDS__N");
    }

    [Fact]
    public void Only_the_chosen_profile_is_checked_and_its_problems_name_its_own_path()
    {
        Load("meshactors.membership.profiles.wan.stable-after=1s").Options.Membership.Profile.Name.Should().Be("lan");

        var act = () => Load("meshactors.membership.profile=wan", "meshactors.membership.profiles.wan.stable-after=1s");

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Path.Should().Be("meshactors.membership.profiles.wan.stable-after");
    }

    [Fact]
    public void A_set_without_an_equals_sign_is_refused_with_an_example()
    {
        var act = () => Load("meshactors.control.port");

        act.Should().Throw<ConfigValidationException>().WithMessage("*not of the form path=value*--set meshactors.control.port=7071*");
    }

    [Fact]
    public void Unknown_settings_are_warned_about_with_their_layer_and_the_nearest_known_setting()
    {
        var config = Load("meshactors.control.prot=1", "meshactors.shutdown.timout=3s", "other.app.setting=1");

        config.Warnings.Should().Equal(
            "--set meshactors.control.prot: unknown setting meshactors.control.prot (ignored); did you mean meshactors.control.port?",
            "--set meshactors.shutdown.timout: unknown setting meshactors.shutdown.timout (ignored); did you mean meshactors.shutdown.timeout?");
    }

    [Fact]
    public void Pinned_keys_and_labels_are_open_maps()
    {
        var fingerprint = "sha256:" + new string('a', 64);
        var config = Load($"meshactors.transport.tls.pinned-keys.node-b=\"{fingerprint}\"", "meshactors.node.metadata.labels.tier=gold");

        config.Warnings.Should().BeEmpty("keys inside an open map are not unknown settings");
        config.Options.Transport.Tls.PinnedKeys.Should().Equal(new Dictionary<string, string> { ["node-b"] = fingerprint });
        config.Options.Node.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["tier"] = "gold" });
    }

    [Fact]
    public void Insecure_mode_needs_no_certificates()
    {
        var tls = Load("meshactors.transport.tls.mode=insecure", "meshactors.transport.tls.cert=/etc/mesh/node.crt").Options.Transport.Tls;

        tls.Enabled.Should().BeFalse();
        tls.UsesDevelopmentCertificates.Should().BeFalse();
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("meshactors.control.prot", "meshactors.control.port", 2)]
    public void Edit_distance_is_levenshtein(string a, string b, int expected)
    {
        UnknownKeys.Distance(a, b).Should().Be(expected);
        UnknownKeys.Distance(b, a).Should().Be(expected);
    }
}
