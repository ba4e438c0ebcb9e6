using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using MeshActors.Diagnostics;
using MeshActors.Security;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport.Tls;

/// <summary>
/// Each reason a node refuses a peer, with real certificates over real TLS: the caller gets the
/// reason code, the refusing node writes exactly one audit event, and none of the refused peer's
/// messages reach the refusing node's handler.
/// </summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private readonly TestPki _pki = new();
    private readonly LoopbackTransports _transports = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _transports.DisposeAsync();
        _pki.Dispose();
    }

    private sealed class Node(Http2Transport transport, ConcurrentQueue<InboundMessage> received, ConcurrentQueue<AuditEvent> audit)
    {
        public Http2Transport Transport { get; } = transport;

        public ConcurrentQueue<InboundMessage> Received { get; } = received;

        public ConcurrentQueue<AuditEvent> Audit { get; } = audit;
    }

    private sealed class Sink(ConcurrentQueue<AuditEvent> into) : IAuditSink
    {
        public void Write(AuditEvent auditEvent) => into.Enqueue(auditEvent);
    }

    private async Task<Node> Start(string nodeId, X509Certificate2 certificate, CertificateAuthority[]? trusted = null, IReadOnlyDictionary<string, string>? pinned = null, ProtocolRange? versions = null)
    {
        var received = new ConcurrentQueue<InboundMessage>();
        var audit = new ConcurrentQueue<AuditEvent>();
        var transport = await _transports.StartAsync(
            LoopbackTransports.Options(nodeId, _pki.ClusterId, _pki.Tls(certificate, null, trusted ?? [])) with
            {
                PinnedKeys = pinned ?? new Dictionary<string, string>(),
                Versions = versions ?? ProtocolRange.Supported,
                Audit = new Sink(audit),
            },
            m =>
            {
                received.Enqueue(m);
                LoopbackTransports.AnswerProbes(m);
            });
        return new Node(transport, received, audit);
    }

    private static async Task<HandshakeRefusedException> Refused(Node from, Node to)
    {
        from.Transport.Send(to.Transport.LocalAddress, new Probe { Sequence = 1 });
        var act = () => from.Transport.RequestAsync(to.Transport.LocalAddress, new Probe { Sequence = 2 }, TimeSpan.FromSeconds(10));
        return (await act.Should().ThrowAsync<HandshakeRefusedException>()).Which;
    }

    public static TheoryData<string, RefusalReason> ServerSideCases => new()
    {
        { "certificate from another CA", RefusalReason.UntrustedCertificate },
        { "expired certificate", RefusalReason.CertificateExpired },
        { "certificate not yet valid", RefusalReason.CertificateNotYetValid },
        { "certificate of another cluster", RefusalReason.CertificateForOtherCluster },
        { "certificate of another node", RefusalReason.CertificateNodeMismatch },
        { "pinned key mismatch", RefusalReason.PinnedKeyMismatch },
        { "no common protocol version", RefusalReason.NoCommonProtocolVersion },
    };

    [Theory]
    [MemberData(nameof(ServerSideCases))]
    public async Task The_server_refuses_with_the_reason_one_audit_event_and_handles_nothing(string situation, RefusalReason expected)
    {
        var now = DateTimeOffset.UtcNow;
        var clientCert = situation switch
        {
            "certificate from another CA" => _pki.Issue("node-a", by: _pki.RogueCa),
            "expired certificate" => _pki.Issue("node-a", notBefore: now.AddDays(-10), validity: TimeSpan.FromDays(2)),
            "certificate not yet valid" => _pki.Issue("node-a", notBefore: now.AddDays(2), validity: TimeSpan.FromDays(5)),
            "certificate of another cluster" => _pki.Issue("node-a", clusterId: "elsewhere"),
            "certificate of another node" => _pki.Issue("node-z"),
            _ => _pki.Issue("node-a"),
        };
        var server = await Start(
            "node-b",
            _pki.Issue("node-b"),
            pinned: situation == "pinned key mismatch" ? new Dictionary<string, string> { ["node-a"] = "sha256:" + new string('0', 64) } : null,
            versions: situation == "no common protocol version" ? new ProtocolRange(2, 2) : null);
        var client = await Start("node-a", clientCert, trusted: [_pki.Ca, _pki.RogueCa]);

        var refused = await Refused(client, server);

        refused.Reason.Should().Be(expected, situation);
        refused.RefusedByPeer.Should().BeTrue();
        server.Audit.Should().ContainSingle().Which.Should().Match<AuditEvent>(e => e.Kind == "handshake.refused" && e.Reason == expected.ToString() && e.PeerNodeId == "node-a");
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_client_refuses_a_server_whose_certificate_it_does_not_trust()
    {
        var server = await Start("node-b", _pki.Issue("node-b", by: _pki.RogueCa), trusted: [_pki.Ca, _pki.RogueCa]);
        var client = await Start("node-a", _pki.Issue("node-a"));

        var refused = await Refused(client, server);

        refused.Reason.Should().Be(RefusalReason.UntrustedCertificate);
        refused.RefusedByPeer.Should().BeFalse("this node refused the server's certificate");
        client.Audit.Should().ContainSingle(e => e.Reason == nameof(RefusalReason.UntrustedCertificate) && e.PeerAddress == server.Transport.LocalAddress.ToString());
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_client_refuses_a_server_that_does_not_match_its_pinned_key()
    {
        var server = await Start("node-b", _pki.Issue("node-b"));
        var client = await Start("node-a", _pki.Issue("node-a"), pinned: new Dictionary<string, string> { ["node-b"] = "sha256:" + new string('f', 64) });

        var act = () => client.Transport.RequestAsync(server.Transport.LocalAddress, new Probe(), TimeSpan.FromSeconds(10));

        var refused = (await act.Should().ThrowAsync<HandshakeRefusedException>()).Which;
        refused.Reason.Should().Be(RefusalReason.PinnedKeyMismatch);
        refused.RefusedByPeer.Should().BeFalse();
        client.Audit.Should().ContainSingle(e => e.Reason == nameof(RefusalReason.PinnedKeyMismatch));
    }

    [Fact]
    public async Task A_matching_pinned_key_is_accepted_both_ways()
    {
        var aCert = _pki.Issue("node-a");
        var bCert = _pki.Issue("node-b");
        var server = await Start("node-b", bCert, pinned: new Dictionary<string, string> { ["node-a"] = PublicKeyFingerprint.Of(aCert) });
        var client = await Start("node-a", aCert, pinned: new Dictionary<string, string> { ["node-b"] = PublicKeyFingerprint.Of(bCert) });

        var reply = await client.Transport.RequestAsync(server.Transport.LocalAddress, new Probe { Sequence = 3 }, TimeSpan.FromSeconds(10));

        reply.Should().BeOfType<ProbeReply>();
        server.Audit.Should().BeEmpty();
    }
}
