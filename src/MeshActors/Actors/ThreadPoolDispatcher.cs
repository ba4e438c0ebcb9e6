namespace MeshActors.Actors;

/// <summary>Runs actors on the .NET thread pool: the production dispatcher.</summary>
public sealed class ThreadPoolDispatcher : IDispatcher
{
    /// <summary>The shared instance; the dispatcher holds no state.</summary>
    public static ThreadPoolDispatcher Instance { get; } = new();

    private ThreadPoolDispatcher()
    {
    }

    /// <inheritdoc />
    public void Schedule(IDispatchable work) =>
        ThreadPool.UnsafeQueueUserWorkItem(static w => w.Run(), work, preferLocal: false);
}
