using MeshActors.Benchmarks;

return args.FirstOrDefault() switch
{
    "sim-throughput" => SimulatorThroughput.Run(args[1..]),
    "transport-rtt" => await TransportRoundTrip.RunAsync(args[1..]),
    "membership-sim" => MembershipSimulation.Run(args[1..]),
    "membership-compare" => await MembershipCompare.RunAsync(args[1..]),
    "discovery-timing" => await DiscoveryTiming.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: MeshActors.Benchmarks sim-throughput [--nodes N] [--inflight K] [--seconds S] [--seed X] [--trace-text]");
    Console.Error.WriteLine("       MeshActors.Benchmarks transport-rtt [--requests N] [--concurrency C] [--seconds S] [--insecure]");
    Console.Error.WriteLine("       MeshActors.Benchmarks membership-sim [--nodes 100,1000,10000] [--seed X] [--loss-percent 1,5,10] [--fp-nodes N] [--fp-minutes M] [--skip-scale] [--skip-loss]");
    Console.Error.WriteLine("       MeshActors.Benchmarks discovery-timing [--runs 10] [--node-dll PATH]");
    Console.Error.WriteLine("       MeshActors.Benchmarks membership-compare [--nodes N] [--runs R] [--profile lan|local] [--mlbench /tmp/mlbench] [--poll-ms 15 | --watch] [--settle] [--port-base 24200] [--mlbench-port 24800] [--log-level Debug] [--keep-logs]");
    return 2;
}
