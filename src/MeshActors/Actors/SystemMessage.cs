namespace MeshActors.Actors;

/// <summary>Lifecycle signals an actor cell handles before, and regardless of, user messages.</summary>
internal sealed class SystemMessage
{
    public static readonly SystemMessage Start = new(SystemMessageKind.Start, null);
    public static readonly SystemMessage Restart = new(SystemMessageKind.Restart, null);
    public static readonly SystemMessage Stop = new(SystemMessageKind.Stop, null);

    private SystemMessage(SystemMessageKind kind, ActorCell? child)
    {
        Kind = kind;
        Child = child;
    }

    public SystemMessageKind Kind { get; }

    public ActorCell? Child { get; }

    public static SystemMessage ChildTerminated(ActorCell child) => new(SystemMessageKind.ChildTerminated, child);
}

/// <summary>The kinds of <see cref="SystemMessage"/>.</summary>
internal enum SystemMessageKind
{
    Start,
    Restart,
    Stop,
    ChildTerminated,
}
