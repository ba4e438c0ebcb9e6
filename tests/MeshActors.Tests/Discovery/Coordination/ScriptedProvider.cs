using System.Collections.Concurrent;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Coordination;

/// <summary>A provider whose runs the test scripts: each run takes the next step (a result, an
/// error, or a task the test completes later); with no step left it finds nothing.</summary>
internal sealed class ScriptedProvider(string name = "scripted") : IDiscoveryProvider
{
    private int _starts;
    private int _runs;
    private int _inFlight;
    private int _overlaps;

    public string Name => name;

    public ConcurrentQueue<Func<CancellationToken, Task<DiscoveryResult>>> Steps { get; } = new();

    public int Starts => Volatile.Read(ref _starts);

    public int Runs => Volatile.Read(ref _runs);

    public int Overlaps => Volatile.Read(ref _overlaps);

    public bool Disposed { get; private set; }

    public void Then(params string[] addresses) =>
        Steps.Enqueue(_ => Task.FromResult(new DiscoveryResult(addresses.Select(a => new ContactPoint(NodeAddress.Parse(a), name) { Source = "script " + a }).ToList())));

    public void ThenFail(string error) => Steps.Enqueue(_ => Task.FromException<DiscoveryResult>(new DiscoveryException($"{name}: {error}")));

    public TaskCompletionSource<DiscoveryResult> ThenHang()
    {
        var pending = new TaskCompletionSource<DiscoveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Steps.Enqueue(_ => pending.Task);
        return pending;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        return Task.CompletedTask;
    }

    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        if (Interlocked.Increment(ref _inFlight) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            return Steps.TryDequeue(out var step) ? await step(cancellationToken) : DiscoveryResult.Empty;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
