namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// What getting ready cost, before the measured interval: the probes node 0 published until one
/// reached every subscriber, and every message counted from the first probe until no payload had
/// moved for 250 ms. For MeshActors this is mostly the first broadcast (Plumtree starts with every
/// link eager: the first event floods the overlay and the duplicates are answered with PRUNE) plus
/// the source certificate sent once per link; for DistributedPubSub, the subscriptions' gossip.
/// </summary>
internal sealed record PubSubReadiness
{
    public required int Probes { get; init; }

    public required double Seconds { get; init; }

    public required long PayloadMessages { get; init; }

    public required long PayloadBytes { get; init; }

    public required long ControlMessages { get; init; }

    public required long ControlBytes { get; init; }

    public required long BackgroundMessages { get; init; }

    public required long BackgroundBytes { get; init; }

    public static PubSubReadiness From(IPubSubUnderTest system, int probes, IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> counted, double seconds)
    {
        var payload = PubSubFigures.Sum(system, counted, MessageRole.Payload);
        var control = PubSubFigures.Sum(system, counted, MessageRole.Control);
        var background = PubSubFigures.Sum(system, counted, MessageRole.Background);
        return new PubSubReadiness
        {
            Probes = probes,
            Seconds = Math.Round(seconds, 3),
            PayloadMessages = payload.Messages,
            PayloadBytes = payload.Bytes,
            ControlMessages = control.Messages,
            ControlBytes = control.Bytes,
            BackgroundMessages = background.Messages,
            BackgroundBytes = background.Bytes,
        };
    }
}
