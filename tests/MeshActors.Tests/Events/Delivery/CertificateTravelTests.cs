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
}
