namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// One system's figures, the same fields for every system. "Per publish" divides the counts of the
/// whole measured interval (first publish until the last subscriber has them all and no payload
/// moved for 250 ms) by P: payload messages are those that carried a payload; control messages are
/// those the publishes caused without carrying it (MeshActors: IHAVE, GRAFT, PRUNE, certificates);
/// background messages are the system's own protocol in that interval (DistributedPubSub:
/// Status/Delta gossip; MeshActors: the overlay's pings and shuffles); membership is Akka.Cluster's
/// gossip and heartbeats over the same interval, as context.
/// </summary>
internal sealed record PubSubFigures
{
    public required string System { get; init; }

    public required string Transport { get; init; }

    public required int[] SubscribedNodes { get; init; }

    public required double IntervalSeconds { get; init; }

    public required long Delivered { get; init; }

    public required long Expected { get; init; }

    public required double PayloadMessagesPerPublish { get; init; }

    public required double PayloadBytesPerPublish { get; init; }

    public required double ControlMessagesPerPublish { get; init; }

    public required double ControlBytesPerPublish { get; init; }

    public required double BackgroundMessagesPerPublish { get; init; }

    public required double BackgroundBytesPerPublish { get; init; }

    /// <summary>Background messages per second of the interval: the per-publish figure depends on the publish rate, this one does not.</summary>
    public required double BackgroundMessagesPerSecond { get; init; }

    public required double BackgroundBytesPerSecond { get; init; }

    public required double MessagesPerPublish { get; init; }

    public required double BytesPerPublish { get; init; }

    public required double LatencyP50Ms { get; init; }

    public required double LatencyP99Ms { get; init; }

    public required long MembershipMessages { get; init; }

    public required long MembershipBytes { get; init; }

    public required long OtherMessages { get; init; }

    /// <summary>Payload-carrying messages deserialized by subscribed nodes, per publish: above the number of subscribers means duplicates.</summary>
    public double PayloadCopiesToSubscribersPerPublish { get; init; }

    /// <summary>Payload-carrying messages deserialized by nodes with no subscription (the publisher included), per publish: the relay cost.</summary>
    public double PayloadCopiesToNonSubscribersPerPublish { get; init; }

    /// <summary>Events nodes without a subscription handed to local subscribers in the interval, by the system's own counter (must be 0); null when the system keeps none.</summary>
    public long? NonSubscriberDeliveries { get; init; }

    /// <summary>Active-view sizes over the nodes at the end of the interval; null for a system without an overlay.</summary>
    public ActiveDegree? ActiveDegree { get; init; }

    /// <summary>The probes published before the interval until one reached every subscriber (a tree forming, subscriptions spreading).</summary>
    public PubSubReadiness? Readiness { get; init; }

    /// <summary>Every counted type in the interval: "Type" or "Type (with payload)" → {messages, bytes}.</summary>
    public required SortedDictionary<string, TypeCount> ByType { get; init; }

    public static PubSubFigures From(
        IPubSubUnderTest system,
        PubSubCompareOptions options,
        int[] subscribed,
        IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> counted,
        double[] latencies,
        double seconds)
    {
        var payload = Sum(system, counted, MessageRole.Payload);
        var control = Sum(system, counted, MessageRole.Control);
        var background = Sum(system, counted, MessageRole.Background);
        var membership = Sum(system, counted, MessageRole.Membership);
        var other = Sum(system, counted, MessageRole.Other);
        double PerPublish(long value) => Math.Round((double)value / options.Publishes, 3);
        return new PubSubFigures
        {
            System = system.Name,
            Transport = system.Transport,
            SubscribedNodes = subscribed,
            IntervalSeconds = Math.Round(seconds, 3),
            Delivered = latencies.Length,
            Expected = (long)options.Publishes * options.Subscribers,
            PayloadMessagesPerPublish = PerPublish(payload.Messages),
            PayloadBytesPerPublish = PerPublish(payload.Bytes),
            ControlMessagesPerPublish = PerPublish(control.Messages),
            ControlBytesPerPublish = PerPublish(control.Bytes),
            BackgroundMessagesPerPublish = PerPublish(background.Messages),
            BackgroundBytesPerPublish = PerPublish(background.Bytes),
            BackgroundMessagesPerSecond = Math.Round(background.Messages / seconds, 3),
            BackgroundBytesPerSecond = Math.Round(background.Bytes / seconds, 1),
            MessagesPerPublish = PerPublish(payload.Messages + control.Messages + background.Messages),
            BytesPerPublish = PerPublish(payload.Bytes + control.Bytes + background.Bytes),
            LatencyP50Ms = Percentile(latencies, 0.50),
            LatencyP99Ms = Percentile(latencies, 0.99),
            MembershipMessages = membership.Messages,
            MembershipBytes = membership.Bytes,
            OtherMessages = other.Messages,
            ByType = new SortedDictionary<string, TypeCount>(counted.ToDictionary(
                kv => kv.Key.CarriesPayload ? kv.Key.Type + " (with payload)" : kv.Key.Type,
                kv => new TypeCount(kv.Value.Messages, kv.Value.Bytes)), StringComparer.Ordinal),
        };
    }

    /// <summary>Messages and bytes of one role among <paramref name="counted"/>: carriers of a payload are <see cref="MessageRole.Payload"/> whatever their type; the rest as <paramref name="system"/> classifies them.</summary>
    public static (long Messages, long Bytes) Sum(IPubSubUnderTest system, IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> counted, MessageRole role) =>
        counted.Where(kv => role == MessageRole.Payload ? kv.Key.CarriesPayload : !kv.Key.CarriesPayload && system.Classify(kv.Key.Type) == role)
            .Aggregate((0L, 0L), (sum, kv) => (sum.Item1 + kv.Value.Messages, sum.Item2 + kv.Value.Bytes));

    /// <summary>The nearest-rank percentile of sorted values, in milliseconds to 0.001.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
