using Xunit.Sdk;

namespace MeshActors.Tests.Configuration;

/// <summary>Runs configuration loading on its own thread with a deadline, so an input that makes
/// Akka's HOCON parser loop fails the test instead of hanging the suite.</summary>
internal static class Deadline
{
    /// <summary>Enough for any load on a slow, busy machine; a healthy one takes milliseconds.</summary>
    public static readonly TimeSpan PerLoad = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="work"/> and returns what it threw, or null.</summary>
    /// <exception cref="XunitException">It did not return within <paramref name="limit"/>.</exception>
    public static Exception? Catch(Action work, string what, TimeSpan? limit = null)
    {
        var task = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    work();
                    return null;
                }
                catch (Exception ex)
                {
                    return ex;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var max = limit ?? PerLoad;
        return task.Wait(max) ? task.Result : throw new XunitException($"{what} did not return within {max.TotalSeconds:0}s: the HOCON parser hangs on it");
    }
}
