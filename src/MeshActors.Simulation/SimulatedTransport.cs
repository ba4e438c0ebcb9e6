using Google.Protobuf;
using MeshActors.Transport;
using MeshActors.Transport.Wire;
using static MeshActors.Simulation.SimulatedTransportFrames;

namespace MeshActors.Simulation;

/// <summary>
/// The in-memory twin of the HTTP/2 transport, over a <see cref="SimulatedNode"/>'s network.
/// Same contract, same handshake policy, same envelope codec; the network's latency, loss and
/// partitions apply to handshakes, requests and responses alike. The sender's node id on the
/// simulated network is unforgeable, so it stands in for the TLS client certificate.
/// Single-threaded like everything in the simulator.
/// </summary>
public sealed class SimulatedTransport : ITransport
{
    /// <summary>How long to wait for a Hello reply before asking again (the Hello may be lost).</summary>
    public static readonly TimeSpan HelloRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>Messages kept for a peer while its handshake is under way; more are dropped.</summary>
    public const int MaxQueuedPerPeer = 1024;

    private readonly SimulatedNode _node;
    private readonly SimulatedTransportOptions _options;
    private readonly Dictionary<int, PeerIdentity> _admitted = new();
    private readonly Dictionary<NodeAddress, OutboundSession> _sessions = new();
    private readonly Dictionary<int, OutboundSession> _sessionsByPeer = new();
    private readonly Dictionary<ulong, PendingRequest> _pending = new();
    private Action<InboundMessage>? _receiver;
    private ulong _nextCorrelation;

    /// <summary>Creates the transport of <paramref name="node"/>, reachable at <paramref name="options"/>' address.</summary>
    public SimulatedTransport(SimulatedNode node, SimulatedTransportOptions options)
    {
        _node = node;
        _options = options;
        LocalAddress = options.Address;
    }

    /// <inheritdoc />
    public NodeAddress LocalAddress { get; }

    /// <summary>Handshakes this node refused, by reason.</summary>
    public Dictionary<RefusalReason, int> Refusals { get; } = new();

    /// <inheritdoc />
    public Task StartAsync(Action<InboundMessage> receiver, CancellationToken cancellationToken = default)
    {
        _receiver = receiver;
        _node.Simulation.Network.Register(LocalAddress, _node.Id);
        _node.Receiver = OnFrame;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Send(NodeAddress to, IMessage message) => Submit(to, message, EnvelopeKind.OneWay, null);

    /// <inheritdoc />
    public Task<IMessage> RequestAsync(NodeAddress to, IMessage request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var pending = new PendingRequest(to, new TaskCompletionSource<IMessage>());
        var correlation = ++_nextCorrelation;
        _pending[correlation] = pending;
        pending.Timer = _node.Time.CreateTimer(
            _ => Complete(correlation, p => p.Completion.TrySetException(new TimeoutException($"{to} did not answer within {timeout.TotalMilliseconds:0} ms"))),
            null, timeout, Timeout.InfiniteTimeSpan);
        Submit(to, request, EnvelopeKind.Request, correlation);
        return pending.Completion.Task;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var correlation in _pending.Keys.ToList())
        {
            Complete(correlation, p => p.Completion.TrySetException(new TransportException(p.To, "the transport was stopped")));
        }

        return ValueTask.CompletedTask;
    }

    private void Submit(NodeAddress to, IMessage message, EnvelopeKind kind, ulong? correlation)
    {
        if (!_node.Simulation.Network.TryResolve(to, out var peer))
        {
            FailRequest(correlation, new TransportException(to, "nothing listens at this address"));
            return;
        }

        if (!_sessions.TryGetValue(to, out var session))
        {
            _sessions[to] = session = new OutboundSession(peer, to);
            _sessionsByPeer[peer] = session;
        }

        if (session.Refusal is { } refusal)
        {
            FailRequest(correlation, refusal);
            return;
        }

        var bytes = EnvelopeCodec.Encode(message, kind, correlation ?? 0, session.Version ?? _options.Versions.Max);
        if (bytes.Length > _options.MaxMessageSize)
        {
            FailRequest(correlation, new TransportException(to, $"message of {bytes.Length} bytes is over the limit of {_options.MaxMessageSize}"));
            return;
        }

        if (session.Version is null)
        {
            if (session.Queued.Count >= MaxQueuedPerPeer)
            {
                FailRequest(correlation, new TransportException(to, $"more than {MaxQueuedPerPeer} messages wait for the handshake"));
                return;
            }

            session.Queued.Add((bytes, correlation));
            if (session.Queued.Count == 1)
            {
                SendHello(session);
            }

            return;
        }

        _node.Send(peer, new EnvelopeFrame(bytes, LocalAddress));
    }

    private void SendHello(OutboundSession session)
    {
        _node.Send(session.PeerId, new HelloFrame(MakeHello(), ++session.Attempt));
        var attempt = session.Attempt;
        session.RetryTimer?.Dispose();
        session.RetryTimer = _node.Time.CreateTimer(
            _ =>
            {
                if (session.Version is null && session.Refusal is null && session.Attempt == attempt && session.Queued.Count > 0)
                {
                    SendHello(session);
                }
            },
            null,
            HelloRetryInterval,
            Timeout.InfiniteTimeSpan);
    }

    private Hello MakeHello() => new()
    {
        ClusterId = _options.ClusterId,
        NodeId = _options.NodeId,
        AdvertisedAddress = LocalAddress.ToString(),
        MinProtocolVersion = _options.Versions.Min,
        MaxProtocolVersion = _options.Versions.Max,
    };

    private void OnFrame(int from, object frame)
    {
        switch (frame)
        {
            case HelloFrame hello:
                OnHello(from, hello);
                break;
            case HelloReplyFrame reply:
                OnHelloReply(from, reply);
                break;
            case EnvelopeFrame envelope when _admitted.TryGetValue(from, out var peer):
                OnEnvelope(from, peer, envelope, responsesOnly: false);
                break;
            case EnvelopeFrame envelope when _sessionsByPeer.TryGetValue(from, out var session) && session.Version is not null:
                // A peer we opened a session to answers our requests; nothing else is taken from it
                // until it has said Hello itself.
                OnEnvelope(from, new PeerIdentity(string.Empty, _options.ClusterId, envelope.SenderAddress, session.Version!.Value), envelope, responsesOnly: true);
                break;
        }
    }

    private void OnHello(int from, HelloFrame frame)
    {
        var decision = HandshakePolicy.Decide(frame.Hello, _options.ClusterId, _options.Versions, certificate: null, pinnedFingerprint: null);
        HelloReply reply;
        if (decision.Accepted)
        {
            _admitted[from] = new PeerIdentity(frame.Hello.NodeId, frame.Hello.ClusterId, NodeAddress.Parse(frame.Hello.AdvertisedAddress), decision.Version!.Value);
            reply = new HelloReply { Accepted = new HelloAccepted { ClusterId = _options.ClusterId, NodeId = _options.NodeId, ProtocolVersion = decision.Version.Value } };
        }
        else
        {
            Refusals[decision.Refusal!.Value] = Refusals.GetValueOrDefault(decision.Refusal.Value) + 1;
            reply = new HelloReply { Refused = new HelloRefused { Reason = decision.Refusal.Value, Detail = decision.Detail } };
        }

        _node.Send(from, new HelloReplyFrame(reply, frame.Attempt));
    }

    private void OnHelloReply(int from, HelloReplyFrame frame)
    {
        if (!_sessionsByPeer.TryGetValue(from, out var session) || session.Version is not null || session.Refusal is not null)
        {
            return;
        }

        var to = session.Address;
        session.RetryTimer?.Dispose();
        var queued = session.Queued.ToList();
        session.Queued.Clear();
        if (frame.Reply.ResultCase == HelloReply.ResultOneofCase.Accepted)
        {
            session.Version = frame.Reply.Accepted.ProtocolVersion;
            foreach (var (bytes, _) in queued)
            {
                _node.Send(from, new EnvelopeFrame(bytes, LocalAddress));
            }
        }
        else
        {
            session.Refusal = new HandshakeRefusedException(to, frame.Reply.Refused.Reason, frame.Reply.Refused.Detail, refusedByPeer: true);
            foreach (var (_, correlation) in queued)
            {
                FailRequest(correlation, session.Refusal);
            }
        }
    }

    private void OnEnvelope(int from, PeerIdentity peer, EnvelopeFrame frame, bool responsesOnly)
    {
        var decoded = EnvelopeCodec.Decode(frame.Bytes, _options.MaxMessageSize);
        if (!decoded.IsSuccess || (responsesOnly && decoded.Envelope!.Kind != EnvelopeKind.Response))
        {
            return;
        }

        var envelope = decoded.Envelope!;
        switch (envelope.Kind)
        {
            case EnvelopeKind.Response:
                Complete(envelope.CorrelationId, p => p.Completion.TrySetResult(decoded.Payload!));
                break;
            case EnvelopeKind.OneWay:
                _receiver?.Invoke(new InboundMessage(peer, decoded.Payload!, null));
                break;
            case EnvelopeKind.Request:
                var correlation = envelope.CorrelationId;
                var replied = false;
                _receiver?.Invoke(new InboundMessage(peer, decoded.Payload!, response =>
                {
                    if (!replied)
                    {
                        replied = true;
                        _node.Send(from, new EnvelopeFrame(EnvelopeCodec.Encode(response, EnvelopeKind.Response, correlation, peer.ProtocolVersion), LocalAddress));
                    }
                }));
                break;
        }
    }

    private void FailRequest(ulong? correlation, Exception error)
    {
        if (correlation is { } id)
        {
            Complete(id, p => p.Completion.TrySetException(error));
        }
    }

    private void Complete(ulong correlation, Action<PendingRequest> complete)
    {
        if (_pending.Remove(correlation, out var pending))
        {
            pending.Timer?.Dispose();
            complete(pending);
        }
    }

    private sealed class OutboundSession(int peerId, NodeAddress address)
    {
        public int PeerId { get; } = peerId;

        public NodeAddress Address { get; } = address;

        public ulong Attempt { get; set; }

        public ITimer? RetryTimer { get; set; }

        public uint? Version { get; set; }

        public HandshakeRefusedException? Refusal { get; set; }

        public List<(byte[] Bytes, ulong? Correlation)> Queued { get; } = [];
    }

    private sealed record PendingRequest(NodeAddress To, TaskCompletionSource<IMessage> Completion)
    {
        public ITimer? Timer { get; set; }
    }
}
