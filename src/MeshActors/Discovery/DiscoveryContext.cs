using MeshActors.Randomness;
using MeshActors.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery;

/// <summary>What every provider may know about the node it runs in.</summary>
public sealed record DiscoveryContext
{
    /// <summary>This node's id.</summary>
    public required string NodeId { get; init; }

    /// <summary>The cluster id; providers that see other clusters (mDNS) keep only this one.</summary>
    public required string ClusterId { get; init; }

    /// <summary>This node's advertised mesh transport address.</summary>
    public required NodeAddress LocalAddress { get; init; }

    /// <summary>The fingerprint of this node's TLS public key (<c>sha256:…</c>); null when TLS is off.</summary>
    public string? PublicKeyFingerprint { get; init; }

    /// <summary>The MeshActors protocol version this node advertises (mDNS TXT <c>ver</c>).</summary>
    public uint ProtocolVersion { get; init; } = 1;

    /// <summary>The node's data folder (the peer cache lives here).</summary>
    public required string DataDir { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Randomness (shuffles, jitter); seeded in tests.</summary>
    public IRandomSource Random { get; init; } = EntropyRandomSource.Create();

    /// <summary>Where providers log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
