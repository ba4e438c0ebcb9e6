using MeshActors.Benchmarks.AkkaDefault;
using MeshActors.Benchmarks.Failover;
using MeshActors.Benchmarks.Harness;
using MeshActors.Benchmarks.Overlay;
using MeshActors.Benchmarks.PubSub;
using MeshActors.Benchmarks.Sharding;
using MeshActors.Benchmarks.Soak;

return args.FirstOrDefault() switch
{
    "akka-node" => await AkkaNodeCommand.RunAsync(args[1..]),
    "membership-compare" => await MembershipCompareCommand.RunAsync(args[1..]),
    "watch-members" => await WatchMembersCommand.RunAsync(args[1..]),
    "shard-moves" => ShardMovesCommand.Run(args[1..]),
    "shard-lookup" => ShardLookupCommand.Run(args[1..]),
    "leader-failover" => await LeaderFailoverCommand.RunAsync(args[1..]),
    "overlay-sim" => OverlaySimCommand.Run(args[1..]),
    "pubsub-compare" => await PubSubCompareCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: MeshActors.Benchmarks " + AkkaNodeCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + MembershipCompareCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + WatchMembersCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + ShardMovesCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + ShardLookupCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + LeaderFailoverCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + OverlaySimCommand.Usage);
    Console.Error.WriteLine("       MeshActors.Benchmarks " + PubSubCompareCommand.Usage);
    return 2;
}
