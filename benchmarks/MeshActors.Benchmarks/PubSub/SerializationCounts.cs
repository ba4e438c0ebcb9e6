using System.Collections.Concurrent;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// Every <see cref="CountingSerializer"/> call in this process, per message type name: how many
/// messages were serialized at the top level (one per remote send) and their bytes, and whether a
/// payload was serialized inside them. Shared by all the ActorSystems of the process; a run reads
/// <see cref="Snapshot"/> before and after the interval it measures and subtracts.
/// </summary>
internal static class SerializationCounts
{
    private static readonly ConcurrentDictionary<(string Type, bool CarriesPayload), Counter> Counters = new();

    private static readonly ConcurrentDictionary<object, Counter> PayloadsReceived = new(ReferenceEqualityComparer.Instance);

    /// <summary>Payload-carrying messages each ActorSystem has deserialized so far (copies that reached it over the wire).</summary>
    public static IReadOnlyDictionary<object, long> PayloadsReceivedSnapshot() =>
        PayloadsReceived.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value.Messages), ReferenceEqualityComparer.Instance);

    /// <summary>Counted so far: (type name, carries a payload) → (messages, bytes).</summary>
    public static IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> Snapshot() =>
        Counters.ToDictionary(kv => kv.Key, kv => (Interlocked.Read(ref kv.Value.Messages), Interlocked.Read(ref kv.Value.Bytes)));

    /// <summary>The counts of <paramref name="after"/> minus those of <paramref name="before"/>, dropping types with no messages in between.</summary>
    public static IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> Between(
        IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> before,
        IReadOnlyDictionary<(string Type, bool CarriesPayload), (long Messages, long Bytes)> after) =>
        after.Select(kv => (kv.Key, Value: (kv.Value.Messages - before.GetValueOrDefault(kv.Key).Messages, kv.Value.Bytes - before.GetValueOrDefault(kv.Key).Bytes)))
            .Where(x => x.Value.Item1 > 0)
            .ToDictionary(x => x.Key, x => x.Value);

    internal static void Add(string type, bool carriesPayload, int bytes)
    {
        var counter = Counters.GetOrAdd((type, carriesPayload), _ => new Counter());
        Interlocked.Increment(ref counter.Messages);
        Interlocked.Add(ref counter.Bytes, bytes);
    }

    internal static void AddPayloadReceived(object system) =>
        Interlocked.Increment(ref PayloadsReceived.GetOrAdd(system, _ => new Counter()).Messages);

    private sealed class Counter
    {
        public long Messages;
        public long Bytes;
    }
}
