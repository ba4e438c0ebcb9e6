using System.Diagnostics;

namespace MeshActors.Tests.Hosting;

/// <summary>
/// The frame of a test with several <see cref="EmbeddedNode"/> hosts in one process: a temporary
/// folder for their data and certificates, the hosts stopped in reverse order afterwards, and waits on
/// conditions with a deadline.
/// </summary>
public abstract class EmbeddedClusterTest : IAsyncLifetime
{
    /// <summary>How long any one wait may take.</summary>
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The test's temporary folder, deleted afterwards.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("meshactors-embed-").FullName;

    /// <summary>The hosts started so far, stopped in reverse order afterwards.</summary>
    internal List<EmbeddedNode> Nodes { get; } = [];

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(Nodes))
        {
            await node.DisposeAsync();
        }

        Directory.Delete(Dir, recursive: true);
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; fails naming <paramref name="what"/> at <see cref="Deadline"/>.</summary>
    protected static async Task Until(string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(Deadline, what);
            await poll.WaitForNextTickAsync();
        }
    }

    /// <summary>As <see cref="Until(string, Func{Task{bool}})"/> for a condition read in memory.</summary>
    protected static Task Until(string what, Func<bool> condition) => Until(what, () => Task.FromResult(condition()));
}
