using MeshActors.Discovery;
using MeshActors.Discovery.Kubernetes;
using MeshActors.Tests.Discovery.Fixtures;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>A fake API server (real HTTPS, test CA) plus a service-account folder with a token
/// and namespace file, and providers configured against them.</summary>
internal sealed class KubernetesTestbed(FixtureHttpsServer server, string folder)
    : HttpsProviderTestbed<KubernetesDiscoveryProvider>(server), IProviderTestbed
{
    public string ProviderName => "kubernetes";

    public string Folder { get; } = folder;

    public string TokenPath => Path.Combine(Folder, "token");

    public static async Task<KubernetesTestbed> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("meshactors-k8s-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), "token-1");
        await File.WriteAllTextAsync(Path.Combine(folder, "namespace"), KubernetesJsonBuilder.Namespace + "\n");
        return new KubernetesTestbed(await FixtureHttpsServer.StartAsync(FixtureHttpsServer.Answer(200, KubernetesJsonBuilder.PodList())), folder);
    }

    public KubernetesDiscoveryOptions Options(Func<KubernetesDiscoveryOptions, KubernetesDiscoveryOptions>? change = null)
    {
        var options = new KubernetesDiscoveryOptions
        {
            Enabled = true,
            RefreshInterval = TimeSpan.FromSeconds(10),
            ApiServer = Server.BaseUri.ToString(),
            TokenPath = TokenPath,
            NamespacePath = Path.Combine(Folder, "namespace"),
            CaPath = FixtureHttpsServer.CaPemPath,
        };
        return change is null ? options : change(options);
    }

    public KubernetesDiscoveryProvider Provider(KubernetesDiscoveryOptions options, Func<string, string?>? environment = null)
    {
        return Track(new KubernetesDiscoveryProvider(options, DiscoveryTestContext.Create(), environment ?? (_ => null)));
    }

    public Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
    {
        var pods = targets.Select((t, i) => KubernetesJsonBuilder.Pod($"meshactors-{i}", t.Host, ports: ("mesh", t.Port))).ToArray();
        Server.Respond(200, KubernetesJsonBuilder.PodList(pods));
        return Task.FromResult<IDiscoveryProvider>(Provider(Options(o => o with { ContainerPortName = "mesh" })));
    }

    public Task<IDiscoveryProvider> FailingAsync()
    {
        Server.Respond(403, """{"kind":"Status","status":"Failure","reason":"Forbidden","code":403}""");
        return Task.FromResult<IDiscoveryProvider>(Provider(Options()));
    }

    public Task<IDiscoveryProvider> GarbageAsync()
    {
        Server.Respond(200, """{"kind":"PodList","items":[{"metadata":""" + "\u0000");
        return Task.FromResult<IDiscoveryProvider>(Provider(Options()));
    }

    protected override void DisposeMore() => Directory.Delete(Folder, recursive: true);
}
