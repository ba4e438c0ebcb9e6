using System.Diagnostics;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>The dns provider against a real dnsmasq (see TESTPEERS.md).</summary>
public sealed class DnsDiscoveryProviderTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SRV_targets_come_with_priority_weight_and_source_from_the_additional_section()
    {
        await using var server = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        await using var provider = DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local");

        var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        result.ContactPoints.Should().BeEquivalentTo(new[]
        {
            new ContactPoint(new NodeAddress("127.0.0.11", 7946), "dns")
            {
                Priority = 10, Weight = 50, Source = "SRV _mesh._tcp.test.local → node1.test.local:7946 (priority 10, weight 50)", HostName = "node1.test.local",
            },
            new ContactPoint(new NodeAddress("127.0.0.12", 7947), "dns")
            {
                Priority = 20, Weight = 50, Source = "SRV _mesh._tcp.test.local → node2.test.local:7947 (priority 20, weight 50)", HostName = "node2.test.local",
            },
        });
        result.ValidFor.Should().Be(TimeSpan.FromSeconds(5), "dnsmasq serves local-ttl=5");
        provider.LastClient!.Stats.UdpQueries.Should().Be(1, "the targets' addresses came as additionals, so no target was resolved");
    }

    [Fact]
    public async Task A_host_is_looked_up_as_A_and_AAAA_on_the_configured_port()
    {
        await using var server = await Dnsmasq.StartAsync("host-record=seeds.test.local,127.0.0.21,::1", "host-record=other.test.local,127.0.0.99");
        await using var provider = DnsProviders.Create(server.Server, host: "seeds.test.local", port: 7000);

        var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        result.ContactPoints.Select(c => (c.Address, c.Source, c.Priority)).Should().BeEquivalentTo(new[]
        {
            (new NodeAddress("127.0.0.21", 7000), "A seeds.test.local", 0),
            (new NodeAddress("::1", 7000), "AAAA seeds.test.local", 0),
        });
        result.ValidFor.Should().Be(TimeSpan.FromSeconds(5));
        provider.LastClient!.Stats.UdpQueries.Should().Be(2);
    }

    [Fact]
    public async Task Port_0_means_this_nodes_own_mesh_port_and_host_and_srv_together_give_the_union()
    {
        await using var server = await Dnsmasq.StartAsync([.. Dnsmasq.TwoNodes, "host-record=seeds.test.local,127.0.0.21"]);
        await using var provider = DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local", host: "seeds.test.local");

        var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        result.ContactPoints.Select(c => c.Address).Should().BeEquivalentTo(
            [new NodeAddress("127.0.0.11", 7946), new NodeAddress("127.0.0.12", 7947), new NodeAddress("127.0.0.21", 7946)]);
    }

    [Fact]
    public async Task An_SRV_name_that_does_not_exist_is_a_clear_NXDOMAIN_error()
    {
        await using var server = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        await using var provider = DnsProviders.Create(server.Server, srv: "_mesh._tcp.x.test.local");

        var act = () => provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should().Be(
            $"dns: _mesh._tcp.x.test.local does not exist (NXDOMAIN from {server.Server}); check meshactors.discovery.dns.srv (and meshactors.discovery.dns.server)");
    }

    [Fact]
    public async Task A_name_outside_the_servers_zone_is_a_clear_REFUSED_error()
    {
        await using var server = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        await using var provider = DnsProviders.Create(server.Server, host: "seeds.example.org", port: 7946);

        var act = () => provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .StartWith($"dns: {server.Server} refused to answer seeds.example.org")
            .And.Contain("(REFUSED)").And.EndWith("check meshactors.discovery.dns.host (and meshactors.discovery.dns.server)");
    }

    [Fact]
    public async Task A_truncated_answer_with_38_SRV_targets_is_fetched_again_over_TCP()
    {
        var records = Enumerable.Range(1, 38).SelectMany(i => new[]
        {
            $"srv-host=_mesh._tcp.test.local,node-with-a-rather-long-host-name-{i:00}.test.local,{7900 + i},10,50",
            $"host-record=node-with-a-rather-long-host-name-{i:00}.test.local,127.0.1.{i}",
        });
        await using var server = await Dnsmasq.StartAsync(records);
        await using var provider = DnsProviders.Create(server.Server, srv: "_mesh._tcp.test.local");

        var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        result.ContactPoints.Should().HaveCount(38);
        result.ContactPoints.Select(c => c.Address).Should().Contain(new NodeAddress("127.0.1.38", 7938));
        provider.LastClient!.Stats.TruncatedAnswers.Should().BeGreaterThanOrEqualTo(1);
        provider.LastClient.Stats.TcpQueries.Should().BeGreaterThanOrEqualTo(1, "the UDP answer was truncated");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_every_attempt()
    {
        using var silent = new SilentUdpServer();
        await using var provider = DnsProviders.Create(silent.Server, srv: "_mesh._tcp.test.local", timeoutMs: 200, attempts: 3);
        var clock = Stopwatch.StartNew();

        var act = () => provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .Contain($"{silent.Server} did not answer _mesh._tcp.test.local SRV over UDP within 0.2 s (3 attempt(s))")
            .And.Contain("check meshactors.discovery.dns.server");
        provider.LastClient!.Stats.Timeouts.Should().Be(3);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
    }

    [Fact]
    public async Task Garbage_answers_with_the_right_id_are_a_clear_malformed_error_or_nothing()
    {
        await using var garbage = new GarbageDnsServer();
        await using var provider = DnsProviders.Create(garbage.Server, srv: "_mesh._tcp.test.local", timeoutMs: 300, attempts: 1);

        var act = () => provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .Contain("only with packets that are malformed or do not match the query");
        var second = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);
        second.ContactPoints.Should().BeEmpty("the corrupt answers decode to no record");
    }
}
