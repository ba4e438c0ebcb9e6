namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>A flood of announcements keeps the cache bounded and the node answering.</summary>
public sealed class MdnsFloodTests
{
    [Fact]
    public async Task A_flood_of_announcements_is_bounded_and_the_node_still_answers()
    {
        await using var ns = NetworkNamespace.Create();
        var options = MdnsTestNodes.Options() with { MaxPeers = 50, MaxPacketsPerSecond = 500 };
        await using var provider = MdnsTestNodes.Create(ns, "node-a", "demo", 7971, options);
        await provider.StartAsync(CancellationToken.None);
        var flood = new MdnsFloodSender(ns);

        for (var n = 0; n < 5000; n++)
        {
            flood.Send(MdnsFloodSender.Announcement(n));
        }

        var found = await MdnsTestNodes.DiscoverUntilAsync(provider, c => c.Count > 0);
        provider.CachedInstances.Should().BeLessThanOrEqualTo(50);
        (provider.DroppedPackets + provider.CacheDrops).Should().BeGreaterThan(0, "the flood exceeded the limits");
        found.Should().OnlyContain(c => c.NodeId!.StartsWith("flood-", StringComparison.Ordinal));

        var browser = await ZeroconfPeer.BrowseAsync(ns);
        await browser.WaitForLineAsync(l => l.StartsWith("ADD node-a._meshactors._tcp.local.", StringComparison.Ordinal), MdnsTestNodes.Deadline);
    }
}
