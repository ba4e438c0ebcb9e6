namespace MeshActors.Actors;

/// <summary>A handle to an actor, independent of the type of message it accepts.</summary>
public interface IActorRef
{
    /// <summary>The actor's path in its system, e.g. <c>/user/membership</c>.</summary>
    string Path { get; }
}

/// <summary>A typed handle to an actor: the only way to reach it is to send it a message.</summary>
/// <typeparam name="TMessage">The type of message the actor accepts.</typeparam>
public interface IActorRef<in TMessage> : IActorRef
{
    /// <summary>Enqueues <paramref name="message"/> in the actor's mailbox and returns at once.
    /// A message to a stopped actor becomes a dead letter.</summary>
    void Tell(TMessage message);
}
