namespace MeshActors.Actors;

/// <summary>
/// The untyped part of an actor's runtime: identity, parent, termination. The system and parents
/// keep cells of any message type through this base.
/// </summary>
internal abstract class ActorCell : IActorRef, IDispatchable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected ActorCell(ActorSystem system, ActorCell? parent, string name)
    {
        System = system;
        Parent = parent;
        Name = name;
        Path = (parent?.Path ?? "/user") + "/" + name;
    }

    public string Path { get; }

    public string Name { get; }

    public ActorSystem System { get; }

    public ActorCell? Parent { get; }

    /// <summary>Completes once the actor has stopped (or was aborted).</summary>
    public Task Terminated => _terminated.Task;

    public abstract void Run();

    /// <summary>Queues a lifecycle signal; it is handled even while the actor is suspended.</summary>
    public abstract void SendSystem(SystemMessage message);

    /// <summary>Ends the actor at once, without hooks: a crash in the simulator.</summary>
    public abstract void Abort();

    protected void MarkTerminated() => _terminated.TrySetResult();

    /// <inheritdoc />
    public override string ToString() => Path;
}
