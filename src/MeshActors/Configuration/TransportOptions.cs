namespace MeshActors.Configuration;

/// <summary><c>meshactors.transport</c>: Akka.Remote's listener and TLS.</summary>
public sealed record TransportOptions
{
    /// <summary>Address to bind.</summary>
    public required string Host { get; init; }

    /// <summary>TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>The host peers should use; empty means <see cref="Host"/>.</summary>
    public required string AdvertisedHost { get; init; }

    /// <summary>Largest message accepted or sent, in bytes.</summary>
    public required int MaxMessageSize { get; init; }

    /// <summary>How long a connection attempt, TLS included, may take.</summary>
    public required TimeSpan ConnectTimeout { get; init; }

    /// <summary><c>meshactors.transport.tls</c>.</summary>
    public required TlsOptions Tls { get; init; }
}
