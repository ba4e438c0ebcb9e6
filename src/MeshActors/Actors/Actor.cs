namespace MeshActors.Actors;

/// <summary>
/// An actor: state that only its own message handler touches, one message at a time. Handlers
/// are synchronous state transitions; I/O runs elsewhere and comes back as a message.
/// </summary>
/// <typeparam name="TMessage">The type of message the actor accepts.</typeparam>
public abstract class Actor<TMessage>
{
    private IActorContext<TMessage>? _context;

    /// <summary>The actor's context; available from <see cref="PreStart"/> on.</summary>
    protected IActorContext<TMessage> Context =>
        _context ?? throw new InvalidOperationException("The context is set when the actor starts; do not use it in the constructor.");

    /// <summary>Handles one message. An exception hands the actor to its supervision strategy.</summary>
    protected abstract void Handle(TMessage message);

    /// <summary>Runs before the first message, on every (re)start.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once the actor has stopped, and on the failed instance before a restart.</summary>
    protected virtual void PostStop()
    {
    }

    internal void Attach(IActorContext<TMessage> context) => _context = context;

    internal void InvokeHandle(TMessage message) => Handle(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();
}
