using MeshActors.Actors;
using MeshActors.Membership;
using MeshActors.Tests.Transport;
using MeshActors.Transport;
using MeshActors.Transport.Http2;

namespace MeshActors.Tests.Membership;

/// <summary>Membership actors on real HTTP/2 transports over loopback, on the thread pool and the
/// real clock: the event stream an embedder reads, joins and leaves as they happen.</summary>
public sealed class MembershipOverRealTransportTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly LoopbackTransports _transports = new();
    private readonly List<ActorSystem> _systems = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.StopAllAsync();
        }

        await _transports.DisposeAsync();
    }

    private async Task<(ClusterMembership Membership, Http2Transport Transport)> StartNode(string id, params NodeAddress[] seeds)
    {
        ClusterMembership? membership = null;
        var transport = await _transports.StartAsync(LoopbackTransports.Options(id, "c"), m =>
        {
            if (ClusterMembership.Handles(m.Message))
            {
                membership?.Deliver(m);
            }
        });
        var system = new ActorSystem(id, new ActorSystemSettings());
        _systems.Add(system);
        membership = ClusterMembership.Start(system, new MembershipActorOptions
        {
            NodeId = id,
            Transport = transport,
            Settings = MembershipSettings.FromProfile("local"),
            Metadata = MemberMetadata.ForCluster("c") with { Role = id == "b" ? "worker" : "" },
            Seeds = seeds,
        });
        return (membership, transport);
    }

    [Fact]
    public async Task The_event_stream_starts_with_the_current_list_and_reports_a_join_and_a_leave()
    {
        var (a, aTransport) = await StartNode("a");
        using var cts = new CancellationTokenSource(Deadline);
        await using var stream = a.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Events.Should().BeEmpty("the first element is the current list");
        stream.Current.Snapshot.Members.Select(m => m.NodeId).Should().Equal("a");

        var (b, _) = await StartNode("b", aTransport.LocalAddress);
        var joined = await NextEvent(stream, MemberEventKind.Joined);
        joined.Member.NodeId.Should().Be("b");
        joined.Member.Metadata.Role.Should().Be("worker", "metadata travels with the alive announcement");
        stream.Current.Snapshot.Members.Select(m => m.NodeId).Should().Equal("a", "b");

        await foreach (var update in b.WatchAsync(cts.Token))
        {
            if (update.Snapshot.Members.Any(m => m is { NodeId: "a", Status: MemberStatus.Alive }))
            {
                break; // b has heard back from its seed
            }
        }

        (await b.LeaveAsync()).Should().Be(1, "a acknowledged the leave notice");
        var left = await NextEvent(stream, MemberEventKind.Left);
        left.Member.NodeId.Should().Be("b");
        stream.Current.Snapshot.Version.Should().BeGreaterThan(joined.Version);
    }

    [Fact]
    public async Task A_joining_node_sees_itself_up_and_the_seed_alive()
    {
        var (_, seedTransport) = await StartNode("seed");
        var (joiner, _) = await StartNode("joiner", seedTransport.LocalAddress, new NodeAddress("127.0.0.1", 1));

        using var cts = new CancellationTokenSource(Deadline);
        await foreach (var update in joiner.WatchAsync(cts.Token))
        {
            if (update.Snapshot.Members.Any(m => m is { NodeId: "seed", Status: MemberStatus.Alive }))
            {
                break;
            }
        }

        var snapshot = await joiner.GetSnapshotAsync();
        snapshot.Self.Should().Be("joiner");
        snapshot.Members.Should().HaveCount(2).And.OnlyContain(m => m.Status == MemberStatus.Alive);
    }

    private static async Task<MemberEvent> NextEvent(IAsyncEnumerator<MembershipUpdate> stream, MemberEventKind kind)
    {
        while (await stream.MoveNextAsync())
        {
            if (stream.Current.Events.FirstOrDefault(e => e.Kind == kind) is { } found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"the stream ended (deadline {Deadline}) before a {kind} event");
    }
}
