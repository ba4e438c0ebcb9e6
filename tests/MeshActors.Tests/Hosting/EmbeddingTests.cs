using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MeshActors.Security;
using Xunit.Abstractions;

namespace MeshActors.Tests.Hosting;

/// <summary>
/// An application that already has its own actor and cluster singleton adds <c>WithMeshActors()</c>
/// and keeps both: two such hosts in one process form a 2-node cluster over mutual TLS, the
/// application's actor answers across the cluster, its singleton runs once, MeshActors' actors
/// live under <c>/user/mesh</c>, and a label set on one node reaches the other.
/// </summary>
public sealed class EmbeddingTests(ITestOutputHelper output) : EmbeddedClusterTest
{

    [Fact]
    public async Task An_app_with_its_own_actor_and_singleton_adds_MeshActors_forms_a_cluster_and_keeps_them()
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var (port1, port2) = (EmbeddedNode.FreePort(), EmbeddedNode.FreePort());
        Nodes.Add(await EmbeddedNode.StartAsync("app-1", port1, port1, EmbeddedNode.TlsHocon(ca, Dir, "app-1"), Path.Combine(Dir, "d1"), App));
        Nodes.Add(await EmbeddedNode.StartAsync("app-2", port2, port1, EmbeddedNode.TlsHocon(ca, Dir, "app-2"), Path.Combine(Dir, "d2"), App));
        var (one, two) = (Nodes[0], Nodes[1]);

        await Until("both nodes list two members up", () =>
            Nodes.All(n => n.Mesh.Membership.Snapshot.Members.Count(m => m.Status == "up") == 2));
        one.Mesh.Membership.Snapshot.Self.Should().Be($"akka.ssl.tcp://{EmbeddedNode.Cluster}@127.0.0.1:{port1}", "Akka.Remote runs with TLS, and the ActorSystem is named after the cluster");

        var echoOnOne = await two.System.ActorSelection($"akka.ssl.tcp://{EmbeddedNode.Cluster}@127.0.0.1:{port1}/user/echo").Ask<string>("hello", TimeSpan.FromSeconds(10));
        echoOnOne.Should().Be("app-1 echo: hello", "the application's own actor still answers, across the cluster");
        var fromSingleton = await two.Host.Services.GetRequiredService<IRequiredActor<CounterSingleton>>().ActorRef.Ask<string>("where", TimeSpan.FromSeconds(20));
        fromSingleton.Should().Be("singleton on app-1", "the application's singleton runs on the oldest node");
        var meshActor = await one.System.ActorSelection("/user/mesh/membership").ResolveOne(TimeSpan.FromSeconds(5));
        meshActor.Path.ToStringWithoutAddress().Should().Be("/user/mesh/membership");

        var clock = Stopwatch.StartNew();
        var all = await one.Mesh.Membership.UpdateLabelsAsync(new Dictionary<string, string> { ["team"] = "payments" }, TimeSpan.FromSeconds(5));
        await Until("app-2 sees app-1's new label", () =>
            two.Mesh.Membership.Snapshot.Members.Any(m => m.NodeId == "app-1" && m.Metadata?.Labels.GetValueOrDefault("team") == "payments"));
        output.WriteLine($"label update seen by the other node after {clock.ElapsedMilliseconds} ms (acknowledged by all: {all})");
        all.Should().BeTrue("both members acknowledge a WriteAll within the metadata write timeout");
    }

    private static void App(AkkaConfigurationBuilder akka)
    {
        akka.WithActors((system, registry) => registry.Register<Echo>(system.ActorOf(Props.Create(() => new Echo()), "echo")));
        akka.WithSingleton<CounterSingleton>("counter", Props.Create(() => new CounterSingleton()), new ClusterSingletonOptions(), createProxyToo: true);
    }


    /// <summary>The application's own actor: answers with the node it runs on.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(text => Sender.Tell($"{MeshActors.Hosting.MeshNode.Get(Context.System).NodeId} echo: {text}"));
    }

    /// <summary>The application's own cluster singleton.</summary>
    private sealed class CounterSingleton : ReceiveActor
    {
        public CounterSingleton() => Receive<string>(_ => Sender.Tell($"singleton on {MeshActors.Hosting.MeshNode.Get(Context.System).NodeId}"));
    }
}
