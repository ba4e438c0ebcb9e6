using MeshActors.Randomness;
using MeshActors.Dns;
using MeshActors.Tests.Discovery.Dns;

namespace MeshActors.Tests.Dns;

/// <summary>The client against real servers on loopback.</summary>
public sealed class DnsClientTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silent_first_server_is_skipped_for_the_next_one()
    {
        using var silent = new SilentUdpServer();
        await using var dnsmasq = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        var client = Client([silent.Server, dnsmasq.Server], attempts: 1, timeoutMs: 1000);

        var response = await client.QueryAsync("node1.test.local", DnsRecordType.A, CancellationToken.None).WaitAsync(Deadline);

        response.Server.ToString().Should().Be(dnsmasq.Server);
        response.OverTcp.Should().BeFalse();
        response.Message.EdnsUdpPayloadSize.Should().NotBeNull("the query advertised EDNS0, so the answer carries OPT");
        response.Message.Answers.Should().ContainSingle().Which.Data.Should().Be(new AddressData(System.Net.IPAddress.Parse("127.0.0.11")));
        client.Stats.Timeouts.Should().Be(1);
    }

    [Fact]
    public async Task NXDOMAIN_ends_the_query_without_asking_the_next_server()
    {
        await using var dnsmasq = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        using var silent = new SilentUdpServer();
        var client = Client([dnsmasq.Server, silent.Server], attempts: 2, timeoutMs: 1000);

        var act = () => client.QueryAsync("missing.test.local", DnsRecordType.A, CancellationToken.None).WaitAsync(Deadline);

        (await act.Should().ThrowAsync<DnsQueryException>()).Which.Failure.Should().Be(DnsFailure.NameNotFound);
        client.Stats.UdpQueries.Should().Be(1);
    }

    [Fact]
    public async Task Every_server_failing_is_reported_per_server()
    {
        await using var dnsmasq = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        using var silent = new SilentUdpServer();
        var client = Client([silent.Server, dnsmasq.Server], attempts: 1, timeoutMs: 1000);

        var act = () => client.QueryAsync("www.example.org", DnsRecordType.A, CancellationToken.None).WaitAsync(Deadline);

        var error = (await act.Should().ThrowAsync<DnsQueryException>()).Which;
        error.Failure.Should().Be(DnsFailure.Refused, "a refusal says more than a timeout");
        error.Message.Should().Contain($"{silent.Server} did not answer").And.Contain($"{dnsmasq.Server} refused to answer www.example.org A (REFUSED)");
    }

    [Fact]
    public async Task Cancellation_stops_a_query_that_waits_for_a_silent_server()
    {
        using var silent = new SilentUdpServer();
        var client = Client([silent.Server], attempts: 5, timeoutMs: 10_000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => client.QueryAsync("node1.test.local", DnsRecordType.A, cancel.Token).WaitAsync(TimeSpan.FromSeconds(5));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Query_ids_are_drawn_from_the_random_source()
    {
        await using var dnsmasq = await Dnsmasq.StartAsync(Dnsmasq.TwoNodes);
        var ids = new List<ushort>();
        var expected = new SeededRandomSource(7);
        var client = Client([dnsmasq.Server], attempts: 1, random: new SeededRandomSource(7));
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.QueryAsync("node1.test.local", DnsRecordType.A, CancellationToken.None)).Message.Id);
        }

        ids.Should().Equal(Enumerable.Range(0, 3).Select(_ => (ushort)expected.Next(65536)));
        ids.Distinct().Should().HaveCount(3);
    }

    private static MeshActors.Dns.DnsClient Client(string[] servers, int attempts, int timeoutMs = 2000, IRandomSource? random = null) =>
        new(new DnsClientOptions
        {
            Servers = servers.Select(DnsClientOptions.ParseServer).ToList(),
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            Attempts = attempts,
        }, random ?? new SeededRandomSource(3));
}
