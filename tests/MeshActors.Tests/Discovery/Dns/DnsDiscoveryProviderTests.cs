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
        (await Dnsmasq.QuestionsAsync(server, "_mesh._tcp.test.local", atLeast: 1)).Select(q => q.Type).Should().Equal("SRV");
        (await Dnsmasq.QuestionsAsync(server, "node1.test.local", atLeast: 0)).Should().BeEmpty("the targets' addresses came as additionals, so no target was resolved");
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
        (await Dnsmasq.QuestionsAsync(server, "seeds.test.local", atLeast: 2)).Select(q => q.Type).Should().BeEquivalentTo(["A", "AAAA"], "one question per record type, and none cached or repeated");
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
        var asked = await Dnsmasq.QuestionsAsync(server, "_mesh._tcp.test.local", atLeast: 2);
        asked.Should().HaveCount(2).And.OnlyContain(q => q.Type == "SRV");
        asked[0].Pid.Should().Be(server.ProcessId, "the first question went over UDP, which dnsmasq answers itself (truncated at 1232 bytes)");
        asked[1].Pid.Should().NotBe(server.ProcessId, "the same question came again over TCP, which dnsmasq answers in a child process");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_every_attempt()
    {
        using var silent = new SilentUdpServer();
        await using var provider = DnsProviders.Create(silent.Server, srv: "_mesh._tcp.test.local", timeoutMs: 200, attempts: 3);
        var clock = Stopwatch.StartNew();

        var act = () => provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DiscoveryException>()).Which.Message.Should()
            .StartWith($"dns: {silent.Server} did not answer _mesh._tcp.test.local SRV within 0.2 s (3 attempt(s) per server)")
            .And.Contain("check meshactors.discovery.dns.server").And.Contain("meshactors.discovery.dns.timeout");
        silent.Received.Should().Be(3, "attempts = 3 asks the server three times");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
    }

    [Fact]
    public async Task Garbage_answers_with_the_right_id_are_a_clear_error_or_nothing_never_contact_points()
    {
        await using var garbage = new GarbageDnsServer();
        await using var provider = DnsProviders.Create(garbage.Server, srv: "_mesh._tcp.test.local", timeoutMs: 300, attempts: 1);

        for (var run = 0; run < 4; run++)
        {
            try
            {
                var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);
                result.ContactPoints.Should().BeEmpty("the corrupt answers hold no usable record");
            }
            catch (DiscoveryException ex)
            {
                ex.Message.Should().StartWith("dns: ").And.Contain(garbage.Server).And.Contain("check meshactors.discovery.dns.server");
            }
        }

        garbage.Answered.Should().BeGreaterThanOrEqualTo(4, "each run asked the server at least once");
    }

    [Fact]
    public async Task A_CNAME_is_followed_to_its_target_addresses()
    {
        await using var server = await Dnsmasq.StartAsync([.. Dnsmasq.TwoNodes, "cname=seeds.test.local,node1.test.local"]);
        await using var provider = DnsProviders.Create(server.Server, host: "seeds.test.local", port: 7000);

        var result = await provider.DiscoverAsync(CancellationToken.None).WaitAsync(Deadline);

        result.ContactPoints.Select(c => (c.Address, c.Source)).Should().Equal((new NodeAddress("127.0.0.11", 7000), "A seeds.test.local"));
    }

    [Fact]
    public async Task Cancelling_stops_a_run_that_waits_for_a_silent_server()
    {
        using var silent = new SilentUdpServer();
        await using var provider = DnsProviders.Create(silent.Server, srv: "_mesh._tcp.test.local", timeoutMs: 10_000, attempts: 5);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => provider.DiscoverAsync(cancel.Token).WaitAsync(TimeSpan.FromSeconds(5));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
