using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;

namespace MeshActors.Tests.Leadership;

/// <summary>
/// A real Akka cluster of several ActorSystems in this process, over loopback remoting on free ports
/// (no TLS: a unit test). No downing provider: a test downs nodes itself. A crash stops a system
/// without leaving the cluster, so the others see it as unreachable, as after a real crash.
/// </summary>
public sealed class ClusterLeaseStoreTestCluster : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly Config Hocon = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        akka.cluster.downing-provider-class = ""
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.cluster.distributed-data.gossip-interval = 500ms
        """);

    private ClusterLeaseStoreTestCluster(IReadOnlyList<ActorSystem> nodes) => Nodes = nodes;

    /// <summary>The members, oldest first (node 0 joined itself; the arbiter singleton runs on the oldest).</summary>
    public IReadOnlyList<ActorSystem> Nodes { get; }

    /// <summary>Forms a cluster of <paramref name="size"/> and waits until every node sees every member up.</summary>
    public static async Task<ClusterLeaseStoreTestCluster> StartAsync(int size)
    {
        var nodes = Enumerable.Range(0, size).Select(_ => ActorSystem.Create("leases", Hocon)).ToArray();
        var seed = Cluster.Get(nodes[0]).SelfAddress;
        Cluster.Get(nodes[0]).Join(seed);
        await Until(() => Cluster.Get(nodes[0]).SelfMember.Status == MemberStatus.Up);
        foreach (var node in nodes.Skip(1))
        {
            Cluster.Get(node).Join(seed);
        }

        await Until(() => nodes.All(n => Cluster.Get(n).State.Members.Count(m => m.Status == MemberStatus.Up) == size));
        return new ClusterLeaseStoreTestCluster(nodes);
    }

    /// <summary>Stops node <paramref name="index"/> without leaving the cluster: to the others it just goes silent.</summary>
    public Task CrashAsync(int index) => Nodes[index].Terminate();

    /// <summary>Node <paramref name="by"/> downs the crashed node <paramref name="index"/>, as a split-brain resolver
    /// would, and waits until the remaining members no longer list it.</summary>
    public Task DownAsync(int index, int by)
    {
        var address = Cluster.Get(Nodes[index]).SelfAddress;
        Cluster.Get(Nodes[by]).Down(address);
        return Until(() => Nodes.Where((_, i) => i != index && !Nodes[i].WhenTerminated.IsCompleted)
            .All(n => Cluster.Get(n).State.Members.All(m => m.Address != address)));
    }

    /// <summary>Node <paramref name="index"/> leaves the cluster gracefully; waits until the others no longer list it.</summary>
    public Task LeaveAsync(int index)
    {
        var address = Cluster.Get(Nodes[index]).SelfAddress;
        Cluster.Get(Nodes[index]).Leave(address);
        return Until(() => Nodes.Where((_, i) => i != index).All(n => Cluster.Get(n).State.Members.All(m => m.Address != address)));
    }

    /// <summary>Waits for <paramref name="condition"/>, failing after <see cref="Deadline"/>.</summary>
    public static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            timeout.IsCancellationRequested.Should().BeFalse($"the condition should hold within {Deadline}");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>Polls <paramref name="attempt"/> until it returns a value without throwing, failing after <see cref="Deadline"/>.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> attempt) where T : class
    {
        using var timeout = new CancellationTokenSource(Deadline);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await attempt() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TaskCanceledException or AskTimeoutException or Akka.Coordination.LeaseException)
            {
                last = e;
            }

            timeout.IsCancellationRequested.Should().BeFalse($"the condition should hold within {Deadline} (last error: {last?.Message})");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(Nodes.Select(n => n.Terminate()));
}
