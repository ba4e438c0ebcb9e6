using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>
/// <c>akka-node</c>: a plain Akka.NET cluster node with Akka's default settings (only the remoting
/// endpoint and the seed nodes are set; failure detector, gossip, downing and the default split
/// brain resolver are Akka's own). It serves <c>GET /control/members</c> like the MeshActors node,
/// so one harness observes both. SIGTERM stops the host, whose CoordinatedShutdown leaves the
/// cluster gracefully. <c>--singleton</c> adds an Akka ClusterSingleton and serves
/// <c>GET /control/leaders</c> through its proxy (<see cref="SingletonLeaders"/>); <c>--profile lan</c>
/// applies MeshActors' <c>lan</c> timings (<see cref="LanProfile"/>) and <c>--config FILE</c> any
/// HOCON, both over Akka's defaults.
/// </summary>
internal static class AkkaNodeCommand
{
    public const string Usage =
        "akka-node --system NAME --port P --seeds host:port[,host:port...] [--host 127.0.0.1] [--control-port C] [--control-host 127.0.0.1] " +
        "[--singleton] [--profile default|lan] [--config FILE]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var system = args.Get("system", "bench");
        var host = args.Get("host", "127.0.0.1");
        var port = (int)args.Get("port", 0);
        var controlHost = args.Get("control-host", "127.0.0.1");
        var controlPort = (int)args.Get("control-port", 0);
        var singleton = args.Has("singleton");
        var profile = args.Get("profile", "default");
        var configFile = args.Get("config", string.Empty);
        var seeds = args.Get("seeds", string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => $"akka.tcp://{system}@{s}")
            .ToArray();
        if (port is <= 0 or > 65535 || seeds.Length == 0 || controlPort is < 0 or > 65535 || profile is not ("default" or "lan")
            || (configFile.Length > 0 && !File.Exists(configFile)))
        {
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{controlHost}:{controlPort}");
        builder.Services.AddAkka(system, (akka, _) =>
        {
            akka.WithRemoting(new RemoteOptions { HostName = host, Port = port })
                .WithClustering(new ClusterOptions { SeedNodes = seeds });
            if (profile == "lan")
            {
                akka.AddHocon(LanProfile.Hocon, HoconAddMode.Prepend);
            }

            if (configFile.Length > 0)
            {
                akka.AddHocon(File.ReadAllText(configFile), HoconAddMode.Prepend);
            }

            if (singleton)
            {
                akka.WithLeaderSingleton();
            }
        });

        await using var app = builder.Build();
        app.MapGet("/control/members", (ActorSystem actorSystem) => Results.Json(MembersSnapshot.From(Akka.Cluster.Cluster.Get(actorSystem))));
        if (singleton)
        {
            app.MapLeaders();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var cluster = Akka.Cluster.Cluster.Get(app.Services.GetRequiredService<ActorSystem>());
            var settings = cluster.Settings;
            Console.WriteLine($"akka-node {cluster.SelfAddress} up; profile {profile}{(configFile.Length > 0 ? " + " + configFile : string.Empty)}; singleton {(singleton ? "on" : "off")}; " +
                $"downing provider {settings.DowningProviderType?.Name ?? "none"}; heartbeat {settings.HeartbeatInterval.TotalMilliseconds} ms, pause {settings.FailureDetectorConfig.GetTimeSpan("acceptable-heartbeat-pause").TotalMilliseconds} ms, gossip {settings.GossipInterval.TotalMilliseconds} ms; seeds {string.Join(' ', seeds)}; control http://{controlHost}:{controlPort}/control/members");
        });
        await app.RunAsync();
        return 0;
    }
}
