using System.Net;
using MeshActors.Events.Delivery;
using MeshActors.Security;
using Xunit.Abstractions;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>What a source certificate costs on the wire (it travels once per link per source), and
/// which certificates a node accepts for a source: TLS mode validates against the cluster CA.</summary>
public sealed class CertificateTravelTests(ITestOutputHelper output)
{
    [Fact]
    public void A_node_certificate_costs_well_under_a_kilobyte_once_per_link_per_source()
    {
        using var ca = CertificateAuthority.Create("cost-test", TimeProvider.System, TimeSpan.FromDays(1));
        using var issued = NodeCertificateIssuer.Issue(ca, "cost-test", "node-0001", TimeProvider.System, TimeSpan.FromHours(1), ipAddresses: [IPAddress.Loopback]);
        var ephemeral = EventSigningIdentity.Ephemeral("cost-test", "node-0001", TimeProvider.System);

        output.WriteLine($"issued node certificate: {issued.RawData.Length} bytes DER; ephemeral (insecure mode): {ephemeral.Der.Length} bytes");
        issued.RawData.Length.Should().BeLessThan(1024);
        ephemeral.Der.Length.Should().BeLessThan(512);
    }

    [Fact]
    public void An_insecure_node_accepts_any_self_signed_certificate_naming_a_node_of_its_cluster_and_nothing_else()
    {
        var self = EventSigningIdentity.Ephemeral("c1", "a", TimeProvider.System);
        var certificates = new SourceCertificates(self, "a", capacity: 2);

        certificates.Offer("b", EventSigningIdentity.Ephemeral("c1", "b", TimeProvider.System).Der).Should().BeNull();
        certificates.Offer("c", EventSigningIdentity.Ephemeral("c2", "c", TimeProvider.System).Der).Should().Contain("does not name a node of cluster c1");
        certificates.Offer("d", EventSigningIdentity.Ephemeral("c1", "e", TimeProvider.System).Der).Should().Contain("does not name node d");
        certificates.Offer("a", EventSigningIdentity.Ephemeral("c1", "a", TimeProvider.System).Der).Should().Contain("not its own");
        certificates.Offer("x", new byte[] { 1, 2, 3 }).Should().Contain("does not parse");
        self.Authenticated.Should().BeFalse();
    }

    [Fact]
    public void The_cache_is_bounded_and_forgets_the_least_recently_used_source()
    {
        var self = EventSigningIdentity.Ephemeral("c1", "a", TimeProvider.System);
        var certificates = new SourceCertificates(self, "a", capacity: 2);
        foreach (var id in new[] { "b", "c" })
        {
            certificates.Offer(id, EventSigningIdentity.Ephemeral("c1", id, TimeProvider.System).Der);
        }

        certificates.Get("b").Should().NotBeNull();
        certificates.Offer("d", EventSigningIdentity.Ephemeral("c1", "d", TimeProvider.System).Der);

        certificates.Count.Should().Be(2);
        certificates.Get("c").Should().BeNull();
        certificates.Get("b").Should().NotBeNull();
        certificates.Get("a").Should().NotBeNull("this node's own certificate is never forgotten");
    }

    [Fact]
    public void With_tls_a_source_certificate_must_chain_to_the_cluster_ca()
    {
        var dir = Directory.CreateTempSubdirectory("events-certs-").FullName;
        try
        {
            using var ca = CertificateAuthority.Create(MeshActors.Tests.Hosting.EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
            using var otherCa = CertificateAuthority.Create(MeshActors.Tests.Hosting.EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
            MeshActors.Tests.Hosting.EmbeddedNode.TlsHocon(ca, dir, "a");
            var folder = Path.Combine(dir, "a");
            var store = new TlsCredentialStore(Path.Combine(folder, "ca.crt"), Path.Combine(folder, "node.crt"), Path.Combine(folder, "node.key"), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var tls = new RemoteTls(store, MeshActors.Tests.Hosting.EmbeddedNode.Cluster, new Dictionary<string, string>(), TimeProvider.System, new MeshActors.Diagnostics.DeferredAuditSink(), new MeshActors.Diagnostics.NodeMetrics());
            var identity = EventSigningIdentity.FromTls(tls);
            var certificates = new SourceCertificates(identity, "a", capacity: 8);
            using var trusted = NodeCertificateIssuer.Issue(ca, MeshActors.Tests.Hosting.EmbeddedNode.Cluster, "b", TimeProvider.System, TimeSpan.FromHours(1));
            using var foreign = NodeCertificateIssuer.Issue(otherCa, MeshActors.Tests.Hosting.EmbeddedNode.Cluster, "c", TimeProvider.System, TimeSpan.FromHours(1));

            identity.Authenticated.Should().BeTrue();
            certificates.Offer("b", trusted.RawData).Should().BeNull();
            certificates.Offer("c", foreign.RawData).Should().Contain("does not chain to a trusted cluster CA");
            certificates.Offer("c", EventSigningIdentity.Ephemeral(MeshActors.Tests.Hosting.EmbeddedNode.Cluster, "c", TimeProvider.System).Der).Should().NotBeNull("a self-signed certificate is not accepted with TLS on");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
