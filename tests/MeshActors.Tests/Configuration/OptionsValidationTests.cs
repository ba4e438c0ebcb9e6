using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static LoadedConfig Load(params string[] overrides) => MeshConfigLoader.Load(new ConfigSources { Overrides = overrides });

    [Fact]
    public void Every_invalid_setting_is_reported_at_once_with_its_path_and_a_fix()
    {
        var act = () => Load(
            "meshactors.control.port=-1",
            "meshactors.transport.host=\"not a host\"",
            "meshactors.node.id=\"has space\"",
            "meshactors.actors.throughput=0",
            "meshactors.actors.supervision.random-factor=2",
            "meshactors.actors.supervision.min-backoff=1 fortnight",
            "meshactors.logging.level=Loud",
            "meshactors.control.enabled=maybe");

        var errors = act.Should().Throw<ConfigValidationException>().Which.Errors;
        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "meshactors.control.port", "meshactors.transport.host", "meshactors.node.id", "meshactors.actors.throughput",
            "meshactors.actors.supervision.random-factor", "meshactors.actors.supervision.min-backoff", "meshactors.logging.level",
            "meshactors.control.enabled");
        errors.Should().OnlyContain(e => e.Fix.Length > 0 && e.Origin != null && e.Origin.Contains("--set"));
    }

    [Theory]
    [InlineData("meshactors.control.port=7946", "meshactors.control.port", "also meshactors.transport.port")]
    [InlineData("meshactors.actors.supervision.min-backoff=20s", "meshactors.actors.supervision.min-backoff", "above max-backoff")]
    [InlineData("meshactors.cluster.id=\"\"", "meshactors.cluster.id", "is not a valid id")]
    [InlineData("meshactors.cluster.id=null", "meshactors.cluster.id", "is missing")]
    [InlineData("meshactors.control=null", "meshactors.control.port", "is missing")]
    [InlineData("meshactors.control.port=[1,2]", "meshactors.control.port", "found a list")]
    [InlineData("meshactors.transport.host=\"0.0.0.0\"", "meshactors.transport.advertised-host", "which peers cannot dial")]
    [InlineData("meshactors.transport.tls.cert=/etc/mesh/node.crt", "meshactors.transport.tls.ca", "is empty while tls.cert is set")]
    [InlineData("meshactors.transport.tls.mode=tls", "meshactors.transport.tls.mode", "is not one of mutual, insecure")]
    [InlineData("meshactors.transport.max-message-size=12 parsecs", "meshactors.transport.max-message-size", "")]
    [InlineData("meshactors.transport.max-message-size=1GiB", "meshactors.transport.max-message-size", "out of range")]
    [InlineData("meshactors.transport.tls.pinned-keys.node-b=\"md5:abc\"", "meshactors.transport.tls.pinned-keys.\"node-b\"", "not a fingerprint")]
    [InlineData("meshactors.membership.profile=fast", "meshactors.membership.profile", "is not one of local, lan, wan")]
    [InlineData("meshactors.membership.profiles.lan.probe-timeout=2s", "meshactors.membership.profiles.lan.probe-timeout", "is not below probe-interval")]
    [InlineData("meshactors.membership.profiles.lan.tombstone-ttl=1s", "meshactors.membership.profiles.lan.tombstone-ttl", "below gossip-to-the-dead")]
    [InlineData("meshactors.membership.profiles.base.gossip-nodes=-1", "meshactors.membership.profiles.lan.gossip-nodes", "out of range")]
    [InlineData("meshactors.discovery.static.seeds=[\"10.0.0.1\"]", "meshactors.discovery.static.seeds.0", "has no port")]
    [InlineData("meshactors.discovery.static.seeds=\"10.0.0.1:7946\"", "meshactors.discovery.static.seeds", "expected a list")]
    [InlineData("meshactors.node.metadata.capacity=0", "meshactors.node.metadata.capacity", "out of range")]
    public void Cross_field_and_shape_problems_name_the_setting(string assignment, string path, string problem)
    {
        var act = () => Load(assignment);
        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().Contain(e => e.Path == path && e.Problem.Contains(problem));
    }

    [Fact]
    public void A_set_without_an_equals_sign_is_refused_with_an_example()
    {
        var act = () => Load("meshactors.control.port");
        act.Should().Throw<ConfigValidationException>().WithMessage("*not of the form path=value*--set meshactors.control.port=7071*");
    }

    [Fact]
    public void Unknown_settings_are_warned_about_with_the_nearest_known_setting()
    {
        var config = Load("meshactors.control.prot=1", "meshactors.shutdown.timout=3s", "other.app.setting=1");
        config.Warnings.Should().HaveCount(2);
        config.Warnings[0].Should().Contain("unknown setting meshactors.control.prot (ignored); did you mean meshactors.control.port?");
        config.Warnings[1].Should().Contain("did you mean meshactors.shutdown.timeout?");
    }

    [Fact]
    public void Pinned_keys_are_an_open_map_read_as_node_id_to_fingerprint()
    {
        var fingerprint = "sha256:" + new string('a', 64);
        var config = Load($"meshactors.transport.tls.pinned-keys.node-b=\"{fingerprint}\"");

        config.Warnings.Should().BeEmpty("keys inside an open map are not unknown settings");
        config.Options.Transport.Tls.PinnedKeys.Should().Equal(new Dictionary<string, string> { ["node-b"] = fingerprint });
    }

    [Fact]
    public void Insecure_mode_needs_no_certificates()
    {
        var tls = Load("meshactors.transport.tls.mode=insecure").Options.Transport.Tls;
        tls.Enabled.Should().BeFalse();
        tls.UsesDevelopmentCertificates.Should().BeFalse();
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("meshactors.control.prot", "meshactors.control.port", 2)]
    public void Edit_distance_is_levenshtein(string a, string b, int expected) =>
        UnknownKeys.Distance(a, b).Should().Be(expected);
}
