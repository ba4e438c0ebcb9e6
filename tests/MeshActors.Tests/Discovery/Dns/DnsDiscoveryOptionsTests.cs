using MeshActors.Configuration;

namespace MeshActors.Tests.Discovery.Dns;

public sealed class DnsDiscoveryOptionsTests
{
    private static LoadedConfig Load(params string[] overrides) => MeshConfigLoader.Load(new ConfigSources { Overrides = overrides });

    [Fact]
    public void Enabled_without_host_or_srv_names_both_settings()
    {
        var act = () => Load("meshactors.discovery.dns.enabled=true");

        var error = act.Should().Throw<ConfigValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("meshactors.discovery.dns.host");
        error.Problem.Should().Contain("meshactors.discovery.dns.host").And.Contain("meshactors.discovery.dns.srv");
    }

    [Theory]
    [InlineData("meshactors.discovery.dns.server=\"127.0.0.1\"", "meshactors.discovery.dns.server", "not a DNS server address")]
    [InlineData("meshactors.discovery.dns.srv=\"a..b\"", "meshactors.discovery.dns.srv", "not a valid domain name")]
    [InlineData("meshactors.discovery.dns.attempts=0", "meshactors.discovery.dns.attempts", "out of range")]
    [InlineData("meshactors.discovery.dns.port=70000", "meshactors.discovery.dns.port", "out of range")]
    public void Bad_values_name_the_setting(string assignment, string path, string problem)
    {
        var act = () => Load("meshactors.discovery.dns.enabled=true", "meshactors.discovery.dns.host=seeds.example.com", assignment);

        act.Should().Throw<ConfigValidationException>().Which.Errors.Should().Contain(e => e.Path == path && e.Problem.Contains(problem));
    }

    [Fact]
    public void Host_and_srv_together_bind()
    {
        var options = Load(
            "meshactors.discovery.dns.enabled=true", "meshactors.discovery.dns.host=\"seeds.example.com.\"",
            "meshactors.discovery.dns.srv=_mesh._tcp.example.com", "meshactors.discovery.dns.server=\"[::1]:5353\"",
            "meshactors.discovery.dns.timeout=500ms", "meshactors.discovery.dns.attempts=3", "meshactors.discovery.dns.port=7000")
            .Options.Discovery.Dns;

        options.Should().BeEquivalentTo(new
        {
            Enabled = true, Host = "seeds.example.com", Srv = "_mesh._tcp.example.com", Server = "[::1]:5353",
            Timeout = TimeSpan.FromMilliseconds(500), Attempts = 3, Port = 7000,
        });
    }
}
