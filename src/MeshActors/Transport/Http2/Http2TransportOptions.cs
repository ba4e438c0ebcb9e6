using MeshActors.Actors;
using MeshActors.Diagnostics;

namespace MeshActors.Transport.Http2;

/// <summary>Everything the HTTP/2 transport needs; built from <c>meshactors.transport.*</c>.</summary>
public sealed record Http2TransportOptions
{
    /// <summary>This node's id.</summary>
    public required string NodeId { get; init; }

    /// <summary>This node's cluster id.</summary>
    public required string ClusterId { get; init; }

    /// <summary>Address and port to listen on; port 0 picks a free one.</summary>
    public required string ListenHost { get; init; }

    /// <summary>Port to listen on; 0 picks a free one.</summary>
    public required int ListenPort { get; init; }

    /// <summary>The address peers should use; default: the listen address with the bound port.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>Protocol versions spoken.</summary>
    public ProtocolRange Versions { get; init; } = ProtocolRange.Supported;

    /// <summary>Largest envelope accepted or sent, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>HTTP/2 connections this node opens to one peer at most.</summary>
    public int ConnectionsPerPeer { get; init; } = 1;

    /// <summary>How long a connection attempt, including TLS, may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed handshake, how long before trying that peer again.</summary>
    public TimeSpan HandshakeRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Inbound messages per second allowed from one peer (sustained).</summary>
    public double InboundRatePerPeer { get; init; } = 50_000;

    /// <summary>Inbound messages one peer may send in a burst.</summary>
    public int InboundBurstPerPeer { get; init; } = 10_000;

    /// <summary>Node id → public-key fingerprint (<c>sha256:…</c>) that node must present.</summary>
    public IReadOnlyDictionary<string, string> PinnedKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>Keys pinned at run time by address (manual introductions with an expected
    /// fingerprint): a server at that address must present this key.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<NodeAddress, string> AddressPins { get; } = new();

    /// <summary>Certificates and their judgement; null means TLS is off (insecure mode).</summary>
    public IPeerTls? Tls { get; init; }

    /// <summary>The clock for timeouts and rate limits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Randomness for session tokens.</summary>
    public IRandomSource? Random { get; init; }

    /// <summary>Where handshake refusals are recorded.</summary>
    public IAuditSink? Audit { get; init; }
}
