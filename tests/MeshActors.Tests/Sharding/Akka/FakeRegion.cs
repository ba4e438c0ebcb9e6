using Akka.Actor;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>A stand-in for a ShardRegion reference: only its path matters to the allocation strategy.</summary>
internal sealed class FakeRegion(ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override IActorRefProvider Provider => throw new NotSupportedException("a fake region has no provider");

    /// <summary>The region of type "orders" on <c>akka.tcp://shards@10.0.0.{host}:2552</c>.</summary>
    public static FakeRegion On(int host) => new(new RootActorPath(NodeAddress(host)) / "system" / "sharding" / "orders");

    /// <summary>The coordinator's own region: a local reference, its address without host or port.</summary>
    public static FakeRegion Local() => new(new RootActorPath(new Address("akka", "shards")) / "system" / "sharding" / "orders");

    public static Address NodeAddress(int host) => new("akka.tcp", "shards", $"10.0.0.{host}", 2552);

    public override string ToString() => Path.ToString();
}
