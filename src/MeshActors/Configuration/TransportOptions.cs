namespace MeshActors.Configuration;

/// <summary><c>meshactors.transport</c>: the mesh listener and how this node talks to peers.</summary>
public sealed record TransportOptions
{
    /// <summary>Address to bind.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port; 0 picks a free one.</summary>
    public required int Port { get; init; }

    /// <summary>The host peers should use; empty means <see cref="Host"/>.</summary>
    public required string AdvertisedHost { get; init; }

    /// <summary>Largest message accepted or sent, in bytes.</summary>
    public required int MaxMessageSize { get; init; }

    /// <summary>HTTP/2 connections opened to one peer at most.</summary>
    public required int ConnectionsPerPeer { get; init; }

    /// <summary>How long a connection attempt, TLS included, may take.</summary>
    public required TimeSpan ConnectTimeout { get; init; }

    /// <summary>Sustained inbound messages per second per peer.</summary>
    public required int InboundMessagesPerSecond { get; init; }

    /// <summary>Inbound burst per peer.</summary>
    public required int InboundBurst { get; init; }

    /// <summary><c>meshactors.transport.tls</c>.</summary>
    public required TlsOptions Tls { get; init; }
}
