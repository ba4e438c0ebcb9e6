using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>Records changed at run time in unbound are picked up at the next run.</summary>
public sealed class DnsRecordChangeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_target_added_and_one_removed_with_unbound_control_show_at_the_next_run()
    {
        await using var server = await Unbound.StartAsync(
            "_mesh._tcp.test.local. 5 IN SRV 10 50 7946 node1.test.local.",
            "node1.test.local. 5 IN A 127.0.0.11");
        await using var provider = DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local");

        var first = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);
        await Unbound.ControlAsync(server, "local_data", "node3.test.local. 7 IN A 127.0.0.13");
        await Unbound.ControlAsync(server, "local_data", "_mesh._tcp.test.local. 3 IN SRV 10 50 7948 node3.test.local.");
        var second = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);
        await Unbound.ControlAsync(server, "local_data_remove", "_mesh._tcp.test.local.");
        await Unbound.ControlAsync(server, "local_data", "_mesh._tcp.test.local. 5 IN SRV 10 50 7948 node3.test.local.");
        var third = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        first.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("127.0.0.11", 7946));
        second.ContactPoints.Select(c => c.Address).Should().BeEquivalentTo([new NodeAddress("127.0.0.11", 7946), new NodeAddress("127.0.0.13", 7948)]);
        third.ContactPoints.Select(c => c.Address).Should().Equal(new NodeAddress("127.0.0.13", 7948));
        first.ValidFor.Should().Be(TimeSpan.FromSeconds(5));
        second.ValidFor.Should().Be(TimeSpan.FromSeconds(3), "the smallest TTL among the records used");
        (await Unbound.AskedAsync(server, "node3.test.local", "A")).Should().BeTrue("unbound sends no additionals, so each target was resolved");
    }
}
