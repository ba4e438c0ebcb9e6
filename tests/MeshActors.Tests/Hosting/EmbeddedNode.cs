using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using MeshActors.Hosting;
using MeshActors.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Tests.Hosting;

/// <summary>
/// An application host as an embedder writes it: its own Akka.Hosting set-up (HOCON, actors, a
/// singleton) plus one <c>WithMeshActors()</c> call. Several share one test process, each with its
/// own ActorSystem, ports and certificate from one test CA.
/// </summary>
internal sealed class EmbeddedNode : IAsyncDisposable
{
    public const string Cluster = "embed-test";

    private EmbeddedNode(IHost host, int port)
    {
        Host = host;
        Port = port;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    public IHost Host { get; }

    public int Port { get; }

    public ActorSystem System { get; }

    public MeshNode Mesh => MeshNode.Get(System);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Writes a node certificate for <paramref name="nodeId"/> from <paramref name="ca"/> under <paramref name="dir"/>; returns the HOCON that names the files.</summary>
    public static string TlsHocon(CertificateAuthority ca, string dir, string nodeId)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, nodeId)).FullName;
        using var cert = NodeCertificateIssuer.Issue(ca, Cluster, nodeId, TimeProvider.System, TimeSpan.FromHours(1), ipAddresses: [IPAddress.Loopback]);
        NodeCertificateIssuer.SaveNode(cert, folder);
        File.WriteAllText(Path.Combine(folder, "ca.crt"), ca.Certificate.ExportCertificatePem());
        return $"transport.tls {{ ca = \"{folder}/ca.crt\", cert = \"{folder}/node.crt\", key = \"{folder}/node.key\" }}";
    }

    public static async Task<EmbeddedNode> StartAsync(string nodeId, int port, int seedPort, string tlsHocon, string dataDir, Action<AkkaConfigurationBuilder>? app = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(Cluster, akka =>
        {
            // The application's own settings, MeshActors' among them, come first ...
            akka.AddHocon(ConfigurationFactory.ParseString($$"""
                meshactors {
                  node { id = {{nodeId}}, data-dir = "{{dataDir}}" }
                  cluster.id = {{Cluster}}
                  transport.port = {{port}}
                  control.port = 0
                  bootstrap.port = 0
                  discovery.static.seeds = ["127.0.0.1:{{seedPort}}"]
                  {{tlsHocon}}
                }
                """), HoconAddMode.Append);
            app?.Invoke(akka);

            // ... then one call adds remoting with mutual TLS, clustering and MeshActors.
            akka.WithMeshActors(setup => setup.Environment = new Dictionary<string, string>());
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedNode(host, port);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
