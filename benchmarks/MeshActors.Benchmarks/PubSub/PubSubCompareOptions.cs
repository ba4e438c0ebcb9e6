namespace MeshActors.Benchmarks.PubSub;

/// <summary>The arguments of one <c>pubsub-compare</c> run.</summary>
internal sealed record PubSubCompareOptions
{
    /// <summary>Nodes per system (ActorSystems in this process).</summary>
    public int Nodes { get; init; } = 12;

    /// <summary>Nodes subscribed to the topic, one subscriber each; never the publisher.</summary>
    public int Subscribers { get; init; } = 4;

    /// <summary>Messages the publisher publishes.</summary>
    public int Publishes { get; init; } = 200;

    /// <summary>Bytes of each payload (at least the 12-byte header).</summary>
    public int PayloadBytes { get; init; } = 256;

    /// <summary>Milliseconds between two publishes, so the measured interval spans the systems' gossip periods.</summary>
    public int PublishIntervalMs { get; init; } = 10;

    /// <summary>Chooses the subscribed nodes and the payload filler.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long all subscribers may take to receive every publish.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(60);
}
