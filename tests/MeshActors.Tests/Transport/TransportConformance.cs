using Google.Protobuf;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>
/// The contract every <see cref="ITransport"/> keeps. Each implementation derives from this class
/// with its own testbed; the tests themselves are shared, so the simulator's twin cannot drift
/// from the real transport.
/// </summary>
public abstract class TransportConformance : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A request's own timeout in tests that expect an answer or a refusal: a deadline,
    /// generous because a first request includes the TLS handshake, which took over 5 s once when
    /// the machine ran 50 other node processes.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    protected ITransportTestbed Bed { get; private set; } = null!;

    protected abstract Task<ITransportTestbed> CreateTestbedAsync();

    public async Task InitializeAsync() => Bed = await CreateTestbedAsync();

    public async Task DisposeAsync() => await Bed.DisposeAsync();

    [Fact]
    public async Task A_one_way_message_arrives_with_the_senders_identity()
    {
        var a = await Bed.StartPeerAsync("node-a");
        var b = await Bed.StartPeerAsync("node-b");

        a.Transport.Send(b.Address, new Probe { Sequence = 7 });
        await Bed.WaitUntilAsync(() => !b.Received.IsEmpty, Deadline);

        var received = b.Received.Single();
        received.Message.Should().Be(new Probe { Sequence = 7 });
        received.Reply.Should().BeNull();
        received.From.NodeId.Should().Be("node-a");
        received.From.ClusterId.Should().Be("conformance");
        received.From.Address.Should().Be(a.Address);
        received.From.ProtocolVersion.Should().Be(ProtocolRange.Supported.Max);
    }

    [Fact]
    public async Task A_request_gets_its_response()
    {
        var a = await Bed.StartPeerAsync("node-a");
        var b = await Bed.StartPeerAsync("node-b");

        var reply = await Bed.WaitAsync(a.Transport.RequestAsync(b.Address, new Probe { Sequence = 42 }, RequestTimeout), Deadline);

        reply.Should().Be(new ProbeReply { Sequence = 42 });
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_response()
    {
        var a = await Bed.StartPeerAsync("node-a");
        var b = await Bed.StartPeerAsync("node-b");

        var requests = Enumerable.Range(1, 200).Select(i => a.Transport.RequestAsync(b.Address, new Probe { Sequence = (ulong)i }, TimeSpan.FromSeconds(10))).ToList();
        var replies = await Bed.WaitAsync(Task.WhenAll(requests), Deadline);

        replies.Cast<ProbeReply>().Select(r => r.Sequence).Should().Equal(Enumerable.Range(1, 200).Select(i => (ulong)i));
    }

    [Fact]
    public async Task A_request_nobody_answers_times_out()
    {
        var a = await Bed.StartPeerAsync("node-a");
        var b = await Bed.StartPeerAsync("node-b");
        b.AnswerProbes = false;

        var act = () => Bed.WaitAsync(a.Transport.RequestAsync(b.Address, new Probe { Sequence = 1 }, TimeSpan.FromMilliseconds(300)), Deadline);

        await act.Should().ThrowAsync<TimeoutException>();
        b.Received.Should().ContainSingle("the request was delivered; only the answer is missing");
    }

    [Fact]
    public async Task A_peer_of_another_cluster_is_refused_and_none_of_its_messages_are_handled()
    {
        var a = await Bed.StartPeerAsync("node-a", clusterId: "red");
        var b = await Bed.StartPeerAsync("node-b", clusterId: "blue");

        a.Transport.Send(b.Address, new Probe { Sequence = 1 });
        var act = () => Bed.WaitAsync(a.Transport.RequestAsync(b.Address, new Probe { Sequence = 2 }, RequestTimeout), Deadline);

        // Without TLS the peer refuses the Hello; with TLS this node already sees, in the server's
        // certificate, that the peer belongs to another cluster, and refuses before saying Hello.
        var refused = (await act.Should().ThrowAsync<HandshakeRefusedException>()).Which;
        (refused.Reason, refused.RefusedByPeer).Should().BeOneOf(
            (RefusalReason.ClusterIdMismatch, true),
            (RefusalReason.CertificateForOtherCluster, false));
        b.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Peers_without_a_common_protocol_version_are_refused()
    {
        var a = await Bed.StartPeerAsync("node-a", versions: new ProtocolRange(1, 1));
        var b = await Bed.StartPeerAsync("node-b", versions: new ProtocolRange(2, 3));

        var act = () => Bed.WaitAsync(a.Transport.RequestAsync(b.Address, new Probe(), RequestTimeout), Deadline);

        (await act.Should().ThrowAsync<HandshakeRefusedException>()).Which.Reason.Should().Be(RefusalReason.NoCommonProtocolVersion);
        b.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Mixed_versions_talk_at_the_highest_common_one()
    {
        var a = await Bed.StartPeerAsync("node-a", versions: new ProtocolRange(1, 2));
        var b = await Bed.StartPeerAsync("node-b", versions: new ProtocolRange(1, 1));

        await Bed.WaitAsync(a.Transport.RequestAsync(b.Address, new Probe(), RequestTimeout), Deadline);

        b.Received.Single().From.ProtocolVersion.Should().Be(1u);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_at_the_sender()
    {
        var a = await Bed.StartPeerAsync("node-a", maxMessageSize: 64 * 1024);
        var b = await Bed.StartPeerAsync("node-b", maxMessageSize: 64 * 1024);
        var big = new Probe { Padding = ByteString.CopyFrom(new byte[100 * 1024]) };

        var act = () => Bed.WaitAsync(a.Transport.RequestAsync(b.Address, big, RequestTimeout), Deadline);

        (await act.Should().ThrowAsync<TransportException>()).WithMessage("*over the limit*");
        b.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_request_to_an_address_where_nothing_listens_fails()
    {
        var a = await Bed.StartPeerAsync("node-a");

        var act = () => Bed.WaitAsync(a.Transport.RequestAsync(Bed.UnusedAddress, new Probe(), RequestTimeout), Deadline);

        await act.Should().ThrowAsync<TransportException>();
    }
}
