namespace MeshActors.Hosting;

/// <summary>
/// The node's root actor: the place later concerns (membership, discovery, leadership) hang
/// under as children. Readiness asks it for its status, so a ready answer proves the actor
/// system is actually handling messages.
/// </summary>
internal sealed class NodeActor(string nodeId, string clusterId) : Actors.Actor<NodeActor.Protocol.Message>
{
    private DateTimeOffset _startedAt;

    protected override void PreStart() => _startedAt = Context.Time.GetUtcNow();

    protected override void Handle(Protocol.Message message)
    {
        switch (message)
        {
            case Protocol.GetStatus get:
                get.ReplyTo.Tell(new NodeStatus(nodeId, clusterId, "Up", _startedAt));
                break;
        }
    }

    /// <summary>The messages the node actor understands.</summary>
    public static class Protocol
    {
        /// <summary>Base of every message to the node actor.</summary>
        public abstract record Message;

        /// <summary>Asks for the node's status.</summary>
        public sealed record GetStatus(Actors.IActorRef<NodeStatus> ReplyTo) : Message;
    }
}
