namespace MeshActors.Actors;

/// <summary>A unit of work a dispatcher runs: an actor draining part of its mailbox.</summary>
public interface IDispatchable
{
    /// <summary>Runs the work on the dispatcher's thread.</summary>
    void Run();
}

/// <summary>Decides where and when actors run. Production uses the thread pool; the simulator
/// uses a single-threaded deterministic event loop.</summary>
public interface IDispatcher
{
    /// <summary>Schedules <paramref name="work"/> to run once, soon. Never runs it inline.</summary>
    void Schedule(IDispatchable work);
}
