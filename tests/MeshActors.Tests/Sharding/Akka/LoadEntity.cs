using Akka.Actor;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>The entity of the reshard test: records every message it handles, with its node and the table version of the moment, then acknowledges it.</summary>
internal sealed class LoadEntity : ReceiveActor
{
    public LoadEntity(string nodeId, DeliveryLog log, InMemoryShardOwners table)
    {
        Receive<LoadEntity.Protocol.Work>(work =>
        {
            log.Record(new Delivery(work.EntityId, work.Seq, nodeId, table.Version));
            Sender.Tell(new Protocol.Done(work.EntityId, work.Seq));
        });
    }

    /// <summary>The load's messages; they cross nodes with Akka's default serializer.</summary>
    public static class Protocol
    {
        /// <summary>Message number <paramref name="Seq"/> (from 1) for entity <paramref name="EntityId"/>; <paramref name="Attempt"/> counts resends after a proven loss.</summary>
        public sealed record Work(string EntityId, long Seq, int Attempt);

        /// <summary>The entity handled <paramref name="Seq"/>.</summary>
        public sealed record Done(string EntityId, long Seq);
    }
}
