using Microsoft.Extensions.Logging;

namespace MeshActors.Actors;

/// <summary>What an actor can see and do besides handling its message: its own handle, time,
/// randomness, timers, logging, children and stopping.</summary>
/// <typeparam name="TMessage">The actor's message type.</typeparam>
public interface IActorContext<TMessage>
{
    /// <summary>This actor's own handle, to give to others so they can reply.</summary>
    IActorRef<TMessage> Self { get; }

    /// <summary>The system the actor runs in.</summary>
    ActorSystem System { get; }

    /// <summary>The clock: real in production, virtual in the simulator.</summary>
    TimeProvider Time { get; }

    /// <summary>This actor's own random source, split from the system's at spawn.</summary>
    IRandomSource Random { get; }

    /// <summary>This actor's timers.</summary>
    ITimerScheduler<TMessage> Timers { get; }

    /// <summary>A logger named after the actor's type.</summary>
    ILogger Log { get; }

    /// <summary>Starts a child actor; children stop before their parent, and are stopped when
    /// their parent restarts (the new instance creates them again).</summary>
    IActorRef<TChild> Spawn<TChild>(string name, Func<Actor<TChild>> factory, SupervisionStrategy? strategy = null);

    /// <summary>Stops this actor after the current message: timers end, children stop,
    /// <see cref="Actor{TMessage}.PostStop"/> runs, and further messages become dead letters.</summary>
    void Stop();

    /// <summary>Stops one of this actor's children.</summary>
    void Stop(IActorRef child);
}
