using System.Collections.Concurrent;
using MeshActors.Actors;

namespace MeshActors.Transport.Http2;

/// <summary>
/// Peers admitted by an accepted Hello. Each gets a random session token that it presents with
/// every later message; the token is bound to the certificate that said Hello, so it is useless on
/// a connection with another certificate. One session per node id: a new Hello replaces the old.
/// </summary>
internal sealed class InboundSessions(IRandomSource random, TimeProvider time, double ratePerSecond, int burst)
{
    private readonly ConcurrentDictionary<string, InboundSession> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokenByNode = new(StringComparer.Ordinal);

    public InboundSession Admit(PeerIdentity peer, string? fingerprint)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var session = new InboundSession(Convert.ToHexStringLower(bytes), peer, fingerprint, new TokenBucket(ratePerSecond, burst, time.GetTimestamp()));
        _byToken[session.Token] = session;
        if (_tokenByNode.TryGetValue(peer.NodeId, out var old) && old != session.Token)
        {
            _byToken.TryRemove(old, out _);
        }

        _tokenByNode[peer.NodeId] = session.Token;
        return session;
    }

    public bool TryGet(string? token, out InboundSession session)
    {
        session = null!;
        return token is not null && _byToken.TryGetValue(token, out session!);
    }

    /// <summary>One admitted peer.</summary>
    internal sealed class InboundSession(string token, PeerIdentity peer, string? fingerprint, TokenBucket bucket)
    {
        private readonly Lock _gate = new();

        public string Token { get; } = token;

        public PeerIdentity Peer { get; } = peer;

        public string? Fingerprint { get; } = fingerprint;

        public bool TryTakeToken(TimeProvider time)
        {
            lock (_gate)
            {
                return bucket.TryTake(time.GetTimestamp(), time.TimestampFrequency);
            }
        }
    }
}
