using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Transport.Http2;

/// <summary>This node's side of a session with one peer: the handshake (done once, shared by all
/// senders, retried only after <c>HandshakeRetryAfter</c> when it failed) and what TLS saw.</summary>
internal sealed class PeerSession(NodeAddress address)
{
    private readonly Lock _gate = new();
    private Task<Established>? _handshake;
    private long _failedAt;

    public NodeAddress Address { get; } = address;

    public ConnectionRegistry.PeerCounters Counters { get; } = new();

    /// <summary>The certificate the peer's server presented on the latest connection, and our verdict.</summary>
    public (X509Certificate2 Certificate, CertificateVerdict Verdict)? Server { get; set; }

    public Task<Established> EnsureAsync(Func<Task<Established>> handshake, TimeProvider time, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            if (_handshake is null || (_handshake.IsFaulted && time.GetElapsedTime(_failedAt) >= retryAfter) || _handshake.IsCanceled)
            {
                _handshake = Run(handshake, time);
            }

            return _handshake;
        }
    }

    /// <summary>Forgets an established session the peer no longer knows (it restarted).</summary>
    public void Invalidate(Task<Established> stale)
    {
        lock (_gate)
        {
            if (_handshake == stale)
            {
                _handshake = null;
            }
        }
    }

    /// <summary>Forgets the handshake, whatever its outcome: the next send shakes hands again
    /// (a key pinned or unpinned at run time must be checked anew).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _handshake = null;
        }
    }

    private async Task<Established> Run(Func<Task<Established>> handshake, TimeProvider time)
    {
        try
        {
            return await handshake().ConfigureAwait(false);
        }
        catch
        {
            _failedAt = time.GetTimestamp();
            throw;
        }
    }

    /// <summary>An accepted handshake.</summary>
    internal sealed record Established(string Token, uint Version, string PeerNodeId);
}
