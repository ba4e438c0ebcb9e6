using MeshActors.Discovery;
using MeshActors.Tests.Security;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The mDNS provider against avahi-daemon (a second independent implementation beside
/// python3-zeroconf), inside a network namespace each test creates: each sees the other's service,
/// and a name avahi already holds makes the provider probe, rename and announce under the new name.</summary>
public sealed class MdnsAvahiTests
{
    [Fact]
    public async Task Avahi_and_the_provider_see_each_others_services()
    {
        await using var ns = NetworkNamespace.Create();
        var avahi = await AvahiPeer.StartAsync(ns);
        await avahi.PublishAsync("peer-a1", 7950, "cluster=demo", "id=peer-a1", "ver=1", "fp=sha256:abc");
        await avahi.PublishAsync("other-1", 7951, "cluster=other", "id=other-1");
        await using var provider = MdnsTestNodes.Create(ns, "node-a", "demo", 7981);
        await provider.StartAsync(CancellationToken.None);

        var found = await MdnsTestNodes.DiscoverUntilAsync(provider, c => c.Count > 0);

        var point = found.Should().ContainSingle("other-1 is of another cluster").Which;
        point.Address.Should().Be(new NodeAddress("127.0.0.1", 7950));
        point.NodeId.Should().Be("peer-a1");
        point.Fingerprint.Should().Be("sha256:abc");
        point.Source.Should().Be("mDNS peer-a1._meshactors._tcp.local on lo");

        var browser = avahi.Browse();
        var seen = AvahiBrowseLine.TryParse(await browser.WaitForLineAsync(l => AvahiBrowseLine.TryParse(l)?.Name == "node-a", MdnsTestNodes.Deadline))!;
        seen.Host.Should().Be("node-a.local");
        seen.Address.Should().Be("127.0.0.1");
        seen.Port.Should().Be(7981);
        seen.Txt.Should().BeEquivalentTo("cluster=demo", "id=node-a", "ver=1", "fp=sha256:fp-node-a");
    }

    [Fact]
    public async Task A_name_avahi_holds_is_probed_renamed_and_announced_under_the_new_name_while_avahi_keeps_it()
    {
        await using var ns = NetworkNamespace.Create();
        var avahi = await AvahiPeer.StartAsync(ns);
        var owner = await avahi.PublishAsync("node-1", 7950, "cluster=demo", "id=node-1", "ver=1");
        var browser = avahi.Browse();
        await browser.WaitForLineAsync(l => AvahiBrowseLine.TryParse(l)?.Name == "node-1", MdnsTestNodes.Deadline);
        using var logs = new CapturingLoggerProvider();
        await using var provider = MdnsTestNodes.Create(ns, "node-1", "demo", 7982, logs: logs);

        await provider.StartAsync(CancellationToken.None);

        var renamed = AvahiBrowseLine.TryParse(await browser.WaitForLineAsync(l => AvahiBrowseLine.TryParse(l)?.Name == "node-1 (2)", MdnsTestNodes.Deadline))!;
        renamed.Should().Be(renamed with { Host = "node-1.local", Address = "127.0.0.1", Port = 7982 });
        renamed.Txt.Should().BeEquivalentTo("cluster=demo", "id=node-1", "ver=1", "fp=sha256:fp-node-1");
        provider.InstanceName.Should().Be("node-1 (2)._meshactors._tcp.local");
        logs.Entries.Should().Contain(e => e.EventId == 7208 && e.Message.Contains("node-1._meshactors._tcp.local is already in use", StringComparison.Ordinal)
            && e.Message.Contains("probing for node-1 (2)._meshactors._tcp.local", StringComparison.Ordinal));
        logs.Entries.Should().Contain(e => e.EventId == 7211 && e.Message.Contains("node-1 (2)._meshactors._tcp.local", StringComparison.Ordinal));

        // A fresh browse resolves both: avahi's node-1 still on peer-a.local:7950, ours beside it.
        var dump = avahi.Browse(terminate: true);
        await dump.WaitForLineAsync(l => AvahiBrowseLine.TryParse(l) is { Name: "node-1", Host: "peer-a.local", Port: 7950 }, MdnsTestNodes.Deadline);
        await dump.WaitForLineAsync(l => AvahiBrowseLine.TryParse(l) is { Name: "node-1 (2)", Host: "node-1.local", Port: 7982 }, MdnsTestNodes.Deadline);
        browser.Lines.Select(AvahiBrowseLine.TryParse).Should().NotContain(l => l != null && l.Name == "node-1" && l.Port != 7950, "avahi never saw node-1 move");
        owner.Lines.Should().NotContain(l => l.Contains("collision", StringComparison.OrdinalIgnoreCase), "avahi kept its name");
    }
}
