using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The mDNS provider against independent python3-zeroconf peers, and against itself,
/// inside a network namespace each test creates.</summary>
public sealed class MdnsPeerTests
{
    [Fact]
    public async Task A_zeroconf_browser_sees_our_advertisement_and_our_goodbye()
    {
        await using var ns = NetworkNamespace.Create();
        var browser = await ZeroconfPeer.BrowseAsync(ns);
        var provider = MdnsTestNodes.Create(ns, "node-a", "demo", 7951);
        try
        {
            await provider.StartAsync(CancellationToken.None);

            var added = await browser.WaitForLineAsync(l => l.StartsWith("ADD node-a._meshactors._tcp.local.", StringComparison.Ordinal), MdnsTestNodes.Deadline);
            added.Should().Be("ADD node-a._meshactors._tcp.local. node-a.local. 127.0.0.1 7951 cluster=demo fp=sha256:fp-node-a id=node-a ver=1");
        }
        finally
        {
            await provider.DisposeAsync();
        }

        await browser.WaitForLineAsync(l => l == "REMOVE node-a._meshactors._tcp.local.", MdnsTestNodes.Deadline);
    }

    [Fact]
    public async Task A_zeroconf_service_of_our_cluster_is_found_with_its_id_and_fingerprint_and_dropped_on_its_goodbye()
    {
        await using var ns = NetworkNamespace.Create();
        var peer = await ZeroconfPeer.PublishAsync(ns, "node-p", "10.1.0.7", 7950, "cluster=demo", "id=node-p", "ver=1", "fp=sha256:abc");
        await using var provider = MdnsTestNodes.Create(ns, "node-a", "demo");
        await provider.StartAsync(CancellationToken.None);

        var found = await MdnsTestNodes.DiscoverUntilAsync(provider, c => c.Count > 0);

        var point = found.Should().ContainSingle().Which;
        point.Address.Should().Be(new NodeAddress("10.1.0.7", 7950));
        point.NodeId.Should().Be("node-p");
        point.Fingerprint.Should().Be("sha256:abc");
        point.Provider.Should().Be("mdns");
        point.Source.Should().Be("mDNS node-p._meshactors._tcp.local on lo");

        await ZeroconfPeer.UnregisterAsync(peer);
        await MdnsTestNodes.DiscoverUntilAsync(provider, c => c.Count == 0);
    }

    [Fact]
    public async Task Services_of_another_cluster_or_without_a_cluster_are_ignored()
    {
        await using var ns = NetworkNamespace.Create();
        await ZeroconfPeer.PublishAsync(ns, "other-1", "10.1.0.8", 7950, "cluster=other", "id=other-1");
        await ZeroconfPeer.PublishAsync(ns, "bare-1", "10.1.0.9", 7950, "id=bare-1");
        await ZeroconfPeer.PublishAsync(ns, "node-p", "10.1.0.7", 7950, "cluster=demo", "id=node-p");
        await using var provider = MdnsTestNodes.Create(ns, "node-a", "demo");
        await provider.StartAsync(CancellationToken.None);

        await MdnsTestNodes.DiscoverUntilAsync(provider, c => c.Any(p => p.NodeId == "node-p"));
        provider.CachedInstances.Should().BeGreaterThanOrEqualTo(3, "the other services were heard");

        var again = await provider.DiscoverAsync(CancellationToken.None);
        again.ContactPoints.Select(c => c.NodeId).Should().Equal("node-p");
    }

    [Fact]
    public async Task Two_providers_in_one_namespace_find_each_other_and_not_themselves()
    {
        await using var ns = NetworkNamespace.Create();
        await using var a = MdnsTestNodes.Create(ns, "node-a", "demo", 7961);
        await using var b = MdnsTestNodes.Create(ns, "node-b", "demo", 7962);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        var seenByA = await MdnsTestNodes.DiscoverUntilAsync(a, c => c.Count > 0);
        var seenByB = await MdnsTestNodes.DiscoverUntilAsync(b, c => c.Count > 0);

        seenByA.Should().ContainSingle().Which.NodeId.Should().Be("node-b");
        seenByA.Single().Address.Should().Be(new NodeAddress("127.0.0.1", 7962));
        seenByA.Single().Fingerprint.Should().Be("sha256:fp-node-b");
        seenByB.Should().ContainSingle().Which.Address.Should().Be(new NodeAddress("127.0.0.1", 7961));
    }

    [Fact]
    public async Task Two_providers_claiming_one_instance_name_end_up_with_two_both_seen_by_zeroconf()
    {
        await using var ns = NetworkNamespace.Create();
        var browser = await ZeroconfPeer.BrowseAsync(ns);
        await using var a = MdnsTestNodes.Create(ns, "node-x", "demo", 7963);
        await using var b = MdnsTestNodes.Create(ns, "node-x", "demo", 7964);

        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));

        await browser.WaitForLineAsync(l => l.StartsWith("ADD node-x._meshactors._tcp.local. node-x.local. 127.0.0.1 796", StringComparison.Ordinal), MdnsTestNodes.Deadline);
        await browser.WaitForLineAsync(l => l.StartsWith("ADD node-x (2)._meshactors._tcp.local. node-x.local. 127.0.0.1 796", StringComparison.Ordinal), MdnsTestNodes.Deadline);
        new[] { a.InstanceName, b.InstanceName }.Should().BeEquivalentTo("node-x._meshactors._tcp.local", "node-x (2)._meshactors._tcp.local");
    }
}
