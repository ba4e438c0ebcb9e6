using MeshActors.Configuration;
using MeshActors.Configuration.Hocon;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Configuration;

/// <summary>Pins every default of reference.conf, so the documentation and the code cannot drift:
/// adding, removing or changing a setting fails here until this table says the same.</summary>
public sealed class ReferenceDefaultsTests
{
    private static readonly Dictionary<string, string?> Pinned = new()
    {
        ["meshactors:node:id"] = "",
        ["meshactors:node:data-dir"] = "meshactors-data",
        ["meshactors:cluster:id"] = "meshactors",
        ["meshactors:control:enabled"] = "true",
        ["meshactors:control:host"] = "127.0.0.1",
        ["meshactors:control:port"] = "7070",
        ["meshactors:transport:host"] = "127.0.0.1",
        ["meshactors:transport:port"] = "7946",
        ["meshactors:transport:advertised-host"] = "",
        ["meshactors:transport:max-message-size"] = "4MiB",
        ["meshactors:transport:connections-per-peer"] = "1",
        ["meshactors:transport:connect-timeout"] = "5s",
        ["meshactors:transport:inbound-rate-limit:messages-per-second"] = "50000",
        ["meshactors:transport:inbound-rate-limit:burst"] = "10000",
        ["meshactors:transport:tls:mode"] = "mutual",
        ["meshactors:transport:tls:ca"] = "",
        ["meshactors:transport:tls:cert"] = "",
        ["meshactors:transport:tls:key"] = "",
        ["meshactors:transport:tls:reload-check-interval"] = "5s",
        ["meshactors:actors:throughput"] = "32",
        ["meshactors:actors:supervision:min-backoff"] = "100ms",
        ["meshactors:actors:supervision:max-backoff"] = "10s",
        ["meshactors:actors:supervision:random-factor"] = "0.2",
        ["meshactors:actors:supervision:reset-after"] = "30s",
        ["meshactors:shutdown:timeout"] = "5s",
        ["meshactors:logging:level"] = "Information",
    };

    [Fact]
    public void Every_setting_in_reference_conf_has_its_pinned_default()
    {
        var actual = HoconParser.ParseText(MeshConfigLoader.Reference, "reference.conf").Flatten()
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        actual.Should().BeEquivalentTo(Pinned);
    }

    [Fact]
    public void The_defaults_bind_to_the_documented_typed_values()
    {
        var options = MeshConfigLoader.Load(new ConfigSources()).Options;

        options.Node.Should().Be(new NodeOptions { Id = "", DataDir = "meshactors-data" });
        options.Cluster.Id.Should().Be("meshactors");
        options.Control.Should().Be(new EndpointOptions { Enabled = true, Host = "127.0.0.1", Port = 7070 });
        options.Transport.Should().BeEquivalentTo(new TransportOptions
        {
            Host = "127.0.0.1",
            Port = 7946,
            AdvertisedHost = "",
            MaxMessageSize = 4 * 1024 * 1024,
            ConnectionsPerPeer = 1,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            InboundMessagesPerSecond = 50_000,
            InboundBurst = 10_000,
            Tls = new TlsOptions
            {
                Enabled = true,
                CaPath = "",
                CertPath = "",
                KeyPath = "",
                ReloadCheckInterval = TimeSpan.FromSeconds(5),
                PinnedKeys = new Dictionary<string, string>(),
            },
        });
        options.Transport.Tls.UsesDevelopmentCertificates.Should().BeTrue();
        options.Actors.Throughput.Should().Be(32);
        options.Actors.Supervision.Should().Be(MeshActors.Actors.SupervisionStrategy.Default, "the kernel's built-in default and reference.conf agree");
        options.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.LogLevel.Should().Be(LogLevel.Information);
    }

    [Fact]
    public void Every_setting_is_documented_with_a_comment_above_it()
    {
        var lines = MeshConfigLoader.Reference.Split('\n').Select(l => l.Trim()).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('=') && !lines[i].StartsWith('#'))
            {
                lines[i - 1].Should().StartWith("#", $"'{lines[i]}' needs its meaning, unit, default and trade-off in a comment above it");
            }
        }
    }
}
