namespace MeshActors.Configuration;

/// <summary>Everything under <c>meshactors.*</c>, validated. Each property is documented, with its
/// unit, default and trade-off, in <c>hocon/reference.conf</c>.</summary>
public sealed record MeshActorsOptions
{
    /// <summary><c>meshactors.node</c>.</summary>
    public required NodeOptions Node { get; init; }

    /// <summary><c>meshactors.cluster</c>.</summary>
    public required ClusterOptions Cluster { get; init; }

    /// <summary><c>meshactors.control</c>.</summary>
    public required EndpointOptions Control { get; init; }

    /// <summary><c>meshactors.transport</c>.</summary>
    public required TransportOptions Transport { get; init; }

    /// <summary><c>meshactors.discovery</c>.</summary>
    public required DiscoveryOptions Discovery { get; init; }

    /// <summary><c>meshactors.bootstrap</c>.</summary>
    public Bootstrap.BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary><c>meshactors.membership</c>.</summary>
    public required MembershipOptions Membership { get; init; }

    /// <summary><c>meshactors.leadership</c>: the leaders this cluster elects and their lease.</summary>
    public global::MeshActors.Leadership.Election.LeadershipOptions Leadership { get; init; } = new();

    /// <summary><c>meshactors.sharding</c>: the shard tables the leader keeps.</summary>
    public global::MeshActors.Sharding.Ownership.ShardingOptions Sharding { get; init; } = new();

    /// <summary><c>meshactors.overlay</c>: the HyParView views, peer exchange, scoring and limits.</summary>
    public global::MeshActors.Views.Overlay.OverlayOptions Overlay { get; init; } = new();

    /// <summary><c>meshactors.events</c>: signed, interest-based events over the overlay.</summary>
    public global::MeshActors.Events.Delivery.EventsOptions Events { get; init; } = new();

    /// <summary><c>meshactors.shutdown.linger</c>: how long a node that left keeps remoting open.</summary>
    public TimeSpan ShutdownLinger { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>meshactors.shutdown.timeout</c>.</summary>
    public required TimeSpan ShutdownTimeout { get; init; }

    /// <summary><c>meshactors.logging.level</c>.</summary>
    public required Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; }
}
