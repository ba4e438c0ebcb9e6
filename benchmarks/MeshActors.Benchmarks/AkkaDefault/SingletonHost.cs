using Akka.Actor;

namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>
/// The singleton of <c>akka-node --singleton</c>: it only answers <see cref="WhoHosts"/> with the
/// address of the node it runs on and when it started there, so a proxy's answer says which node
/// hosts the singleton right now.
/// </summary>
internal sealed class SingletonHost : ReceiveActor
{
    public SingletonHost()
    {
        var hostedBy = new HostedBy(Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString(), DateTimeOffset.UtcNow);
        Receive<WhoHosts>(_ => Sender.Tell(hostedBy));
    }
}

/// <summary>Asks the singleton where it runs; answered with <see cref="HostedBy"/>.</summary>
public sealed record WhoHosts;

/// <summary>The singleton's host (its cluster address) and the instant the singleton started there.</summary>
public sealed record HostedBy(string Address, DateTimeOffset StartedAt);
