using System.CommandLine;
using MeshActors.Cli.Demo;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl demo</c>: a real cluster of node processes on this machine, to watch and break.</summary>
internal static class DemoCommand
{
    private const int MaxNodes = 20;
    private const int DefaultBasePort = 17946;

    public static Command Build()
    {
        var nodes = new Option<int>("--nodes", "-n") { Description = $"how many nodes to run, 1 to {MaxNodes}", DefaultValueFactory = _ => 5 };
        nodes.Validators.Add(result =>
        {
            var count = result.GetValueOrDefault<int>();
            if (count is < 1 or > MaxNodes)
            {
                result.AddError($"--nodes {count}: give 1 to {MaxNodes} nodes");
            }
        });
        var basePort = new Option<int>("--base-port")
        {
            Description = $"node n listens on mesh port BASE+n-1 and control port BASE+{DemoSettings.ControlPortOffset}+n-1",
            DefaultValueFactory = _ => DefaultBasePort,
        };
        basePort.Validators.Add(result =>
        {
            var port = result.GetValueOrDefault<int>();
            var highest = ushort.MaxValue - DemoSettings.ControlPortOffset - MaxNodes + 1;
            if (port < 1024 || port > highest)
            {
                result.AddError($"--base-port {port}: give a port from 1024 to {highest}, so every node's ports fit");
            }
        });
        var profile = new Option<string>("--profile") { Description = "membership profile of the nodes (meshactors.membership.profile)", DefaultValueFactory = _ => "lan" };
        profile.AcceptOnlyFromAmong("local", "lan", "wan");
        var nodeDll = new Option<string>("--node-dll") { Description = $"path of {NodeDllLocator.FileName}; by default found next to meshctl or in the source tree's build output" };
        var command = new Command(
            "demo",
            "Run a cluster of real node processes on 127.0.0.1 (Akka.Cluster over mutual TLS, a fresh CA), show its member list live, and kill (SIGKILL), restart or make nodes leave (SIGTERM) by key: k2, r2, l2 (or by line when input is piped)")
        {
            nodes, basePort, profile, nodeDll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dll = parse.GetValue(nodeDll) is { } given ? Path.GetFullPath(given) : NodeDllLocator.Find(AppContext.BaseDirectory);
            if (dll is null || !File.Exists(dll))
            {
                var looked = dll is null ? string.Join(", ", NodeDllLocator.Candidates(AppContext.BaseDirectory)) : dll;
                Console.Error.WriteLine($"error: cannot find the node program {NodeDllLocator.FileName} (looked at {looked}). " +
                    "Build it with 'dotnet build src/MeshActors.Node -c Release', or give its path with --node-dll");
                return Meshctl.InvalidInput;
            }

            try
            {
                return await new DemoSession(new DemoSettings(parse.GetValue(nodes), parse.GetValue(basePort), parse.GetValue(profile)!, dll)).RunAsync(cancellationToken);
            }
            catch (DemoException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return Meshctl.InvalidInput;
            }
        });
        return command;
    }
}
