using System.Text.Json;
using MeshActors.Discovery;
using MeshActors.Discovery.Http;
using MeshActors.Tests.Discovery.Fixtures;

namespace MeshActors.Tests.Discovery.Http;

/// <summary>A real HTTPS rendezvous server (test CA) and providers that trust it through <c>ca</c>.</summary>
internal sealed class HttpTestbed(FixtureHttpsServer server) : HttpsProviderTestbed<HttpDiscoveryProvider>(server), IProviderTestbed
{
    public string ProviderName => "http";

    public Uri SeedsUrl => new(Server.BaseUri, "/mesh/seeds.json");

    public static async Task<HttpTestbed> StartAsync() =>
        new(await FixtureHttpsServer.StartAsync(FixtureHttpsServer.Answer(200, "[]")));

    public HttpDiscoveryProvider Provider(Func<HttpDiscoveryOptions, HttpDiscoveryOptions>? change = null)
    {
        var options = new HttpDiscoveryOptions { Enabled = true, RefreshInterval = TimeSpan.FromSeconds(30), Url = SeedsUrl.ToString(), Ca = FixtureHttpsServer.CaPemPath };
        return Track(new HttpDiscoveryProvider(change is null ? options : change(options), DiscoveryTestContext.Create()));
    }

    public Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
    {
        Server.Respond(200, JsonSerializer.Serialize(new { seeds = targets.Select(t => t.ToString()) }));
        return Task.FromResult<IDiscoveryProvider>(Provider());
    }

    public Task<IDiscoveryProvider> FailingAsync()
    {
        Server.Respond(500, "internal error");
        return Task.FromResult<IDiscoveryProvider>(Provider());
    }

    public Task<IDiscoveryProvider> GarbageAsync()
    {
        Server.Respond(200, "[\"10.0.0.1:7946\", {]");
        return Task.FromResult<IDiscoveryProvider>(Provider());
    }

}
