using System.Collections.Concurrent;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>One handled message: which entity, which number, on which node, and the table version when it was handled.</summary>
internal sealed record Delivery(string EntityId, long Seq, string NodeId, long TableVersion);

/// <summary>Every delivery of the reshard test, in the order the handlers ran (all nodes share the process).</summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public void Record(Delivery delivery) => _deliveries.Enqueue(delivery);

    public IReadOnlyList<Delivery> Snapshot() => _deliveries.ToArray();

    public int CountOn(string nodeId) => _deliveries.Count(d => d.NodeId == nodeId);
}
