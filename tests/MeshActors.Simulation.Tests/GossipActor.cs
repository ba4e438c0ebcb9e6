using MeshActors.Actors;
using MeshActors.Simulation;

namespace MeshActors.Simulation.Tests;

/// <summary>A toy protocol with timers, randomness and replies: every second a node pings a random
/// peer, which answers. Enough moving parts for the trace to notice any nondeterminism.</summary>
internal sealed class GossipActor(SimulatedNode node, int clusterSize) : Actor<object>
{
    private long _pings;

    public sealed record Ping(int From, long Seq, DateTimeOffset SentAt);

    public sealed record Pong(int From, long Seq);

    public sealed record Inbound(int From, object Message);

    private sealed record Tick;

    public static void Setup(SimulatedNode node, int clusterSize)
    {
        var actor = node.System.Spawn<object>("gossip", () => new GossipActor(node, clusterSize));
        node.Receiver = (from, message) => actor.Tell(new Inbound(from, message));
    }

    protected override void PreStart() =>
        Context.Timers.StartPeriodic("tick", new Tick(), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(Context.Random.Next(1000)));

    protected override void Handle(object message)
    {
        switch (message)
        {
            case Tick:
                var peer = Context.Random.Next(clusterSize);
                if (peer != node.Id)
                {
                    node.Send(peer, new Ping(node.Id, ++_pings, Context.Time.GetUtcNow()));
                }

                break;
            case Inbound { Message: Ping ping }:
                node.Send(ping.From, new Pong(node.Id, ping.Seq));
                break;
        }
    }
}
