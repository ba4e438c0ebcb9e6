using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using MeshActors.Tests.Discovery.Fixtures;
using AkkaDiscovery = Akka.Discovery.Discovery;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>
/// The HTTPS fixture API server (test CA) with a service-account folder (token, namespace), and
/// ActorSystems that select Akka.Discovery.KubernetesApi (<c>kubernetes-api</c>) configured
/// against it under <c>akka.discovery.kubernetes-api</c>. The plugin reads the API server's host
/// and port from two environment variables, whose names are set per testbed (unique, so testbeds
/// do not meet). It does not read <c>api-ca-path</c> as a CA: its client trusts the CA of the
/// kubeconfig KUBECONFIG names, so each system is created while KUBECONFIG names one for the CA asked for.
/// </summary>
internal sealed class KubernetesApiTestbed : IAsyncDisposable
{
    public const string Namespace = "mesh-test";

    private static readonly SemaphoreSlim KubeconfigLock = new(1, 1);
    private readonly string _hostVariable = "MESHACTORS_TEST_K8S_HOST_" + Guid.NewGuid().ToString("N");
    private readonly string _portVariable = "MESHACTORS_TEST_K8S_PORT_" + Guid.NewGuid().ToString("N");
    private readonly List<ActorSystem> _systems = [];

    private KubernetesApiTestbed(FixtureHttpsServer server, string folder)
    {
        Server = server;
        Folder = folder;
        Environment.SetEnvironmentVariable(_hostVariable, server.BaseUri.Host);
        Environment.SetEnvironmentVariable(_portVariable, server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public FixtureHttpsServer Server { get; }

    public string Folder { get; }

    public static async Task<KubernetesApiTestbed> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("meshactors-k8s-api-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), "token-1\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "namespace"), Namespace + "\n");
        return new KubernetesApiTestbed(await FixtureHttpsServer.StartAsync(FixtureHttpsServer.Answer(200, KubernetesJsonBuilder.PodList())), folder);
    }

    /// <summary>A plain ActorSystem whose <c>akka.discovery.kubernetes-api</c> points at the fixture,
    /// and its <c>kubernetes-api</c> method, created while KUBECONFIG trusts the fixture's CA.</summary>
    public async Task<ServiceDiscovery> LoadAsync()
    {
        var kubeconfig = Path.Combine(Folder, "kubeconfig.yaml");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fixture
              cluster:
                server: {Server.BaseUri}
                certificate-authority: {FixtureHttpsServer.CaPemPath}
            contexts:
            - name: fixture
              context:
                cluster: fixture
            current-context: fixture
            """);
        var config = ConfigurationFactory.ParseString($$"""
            akka.discovery.kubernetes-api {
              api-token-path = {{Quote(Path.Combine(Folder, "token"))}}
              pod-namespace-path = {{Quote(Path.Combine(Folder, "namespace"))}}
              api-service-host-env-name = {{_hostVariable}}
              api-service-port-env-name = {{_portVariable}}
              pod-label-selector = "app.kubernetes.io/name={0}"
            }
            """).WithFallback(global::Akka.Discovery.KubernetesApi.KubernetesDiscovery.DefaultConfiguration());
        await KubeconfigLock.WaitAsync();
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        try
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", kubeconfig);
            var system = ActorSystem.Create("k8s", config);
            _systems.Add(system);
            return AkkaDiscovery.Get(system).LoadServiceDiscovery("kubernetes-api");
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
            KubeconfigLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.Terminate();
        }

        await Server.DisposeAsync();
        Environment.SetEnvironmentVariable(_hostVariable, null);
        Environment.SetEnvironmentVariable(_portVariable, null);
        Directory.Delete(Folder, recursive: true);
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
