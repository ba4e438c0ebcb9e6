using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Membership;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Membership;

/// <summary>The membership actor's wiring, with Akka.TestKit on a real single-node cluster
/// (loopback, port 0): Akka's events reach the snapshot and the stream, a label update is
/// replicated and acknowledged, and the metrics follow.</summary>
public sealed class MembershipActorTests() : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString("""
    akka.actor.provider = cluster
    akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
    akka.loglevel = WARNING
    """))
{
    [Fact]
    public async Task Self_becomes_up_in_the_snapshot_and_the_stream_and_a_label_update_is_acknowledged()
    {
        var cluster = Cluster.Get(Sys);
        var membership = new ClusterMembership(cluster.SelfAddress.ToString());
        var metrics = new NodeMetrics();
        var own = new MemberMetadata("node-a", "eu", "eu-1a", 100, new Dictionary<string, string>());
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<MemberEvent>();
        var stream = membership.WatchAsync(watching.Token); // subscribed here, before the actor exists
        var watch = Task.Run(async () =>
        {
            await foreach (var e in stream)
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });

        membership.Attach(Sys.ActorOf(Props.Create(() => new MembershipActor(membership, own, TimeSpan.FromSeconds(1), metrics, NullLogger.Instance, TimeProvider.System)), "membership"));
        cluster.Join(cluster.SelfAddress);

        AwaitCondition(() => membership.IsSelfUp, TimeSpan.FromSeconds(15));
        membership.Snapshot.SelfMember!.Should().BeEquivalentTo(new { NodeId = "node-a", Status = "up", Reachable = true, Metadata = new { Region = "eu", Zone = "eu-1a" } });
        AwaitCondition(() => { lock (events) { return events.Any(e => e.Kind == MemberEventKind.Up && e.Member.Address == cluster.SelfAddress.ToString()); } }, TimeSpan.FromSeconds(5));
        metrics.Members.WithLabels("up").Value.Should().Be(1);

        var acknowledged = await membership.UpdateLabelsAsync(new Dictionary<string, string> { ["team"] = "payments" }, TimeSpan.FromSeconds(5));
        acknowledged.Should().BeTrue("a single member acknowledges a WriteAll by itself");
        membership.Snapshot.SelfMember!.Metadata!.Labels.Should().Equal(new Dictionary<string, string> { ["team"] = "payments" });
        AwaitCondition(() => { lock (events) { return events.Any(e => e.Kind == MemberEventKind.MetadataChanged); } }, TimeSpan.FromSeconds(5));

        await watching.CancelAsync();
        await watch.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
