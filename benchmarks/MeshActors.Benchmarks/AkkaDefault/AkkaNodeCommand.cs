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
/// cluster gracefully.
/// </summary>
internal static class AkkaNodeCommand
{
    public const string Usage =
        "akka-node --system NAME --port P --seeds host:port[,host:port...] [--host 127.0.0.1] [--control-port C] [--control-host 127.0.0.1]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var system = args.Get("system", "bench");
        var host = args.Get("host", "127.0.0.1");
        var port = (int)args.Get("port", 0);
        var controlHost = args.Get("control-host", "127.0.0.1");
        var controlPort = (int)args.Get("control-port", 0);
        var seeds = args.Get("seeds", string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => $"akka.tcp://{system}@{s}")
            .ToArray();
        if (port is <= 0 or > 65535 || seeds.Length == 0 || controlPort is < 0 or > 65535)
        {
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{controlHost}:{controlPort}");
        builder.Services.AddAkka(system, (akka, _) => akka
            .WithRemoting(new RemoteOptions { HostName = host, Port = port })
            .WithClustering(new ClusterOptions { SeedNodes = seeds }));

        await using var app = builder.Build();
        app.MapGet("/control/members", (ActorSystem actorSystem) => Results.Json(MembersSnapshot.From(Akka.Cluster.Cluster.Get(actorSystem))));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var cluster = Akka.Cluster.Cluster.Get(app.Services.GetRequiredService<ActorSystem>());
            Console.WriteLine($"akka-node {cluster.SelfAddress} up; downing provider {cluster.Settings.DowningProviderType?.Name ?? "none"}; seeds {string.Join(' ', seeds)}; control http://{controlHost}:{controlPort}/control/members");
        });
        await app.RunAsync();
        return 0;
    }
}
