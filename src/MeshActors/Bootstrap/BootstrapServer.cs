using System.Net;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Cluster;
using MeshActors.Configuration;
using MeshActors.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshActors.Bootstrap;

/// <summary>
/// The node's bootstrap endpoint: <c>GET /bootstrap/seed-nodes</c>, the route Akka Management's
/// Cluster Bootstrap probes, served on its own Kestrel listener over HTTPS that <b>requires</b> a
/// client certificate passing the same checks as an Akka.Remote handshake. A caller without one
/// gets no TLS session, so learns nothing (stock Akka.Management serves the member list over plain
/// HTTP to anyone). Akka.Management's own HTTP server is not used: as restored here it cannot
/// start (Akka.Http.Shim 1.5.73 calls a Ceen.Httpd 0.9.9 method that 0.9.10 lacks).
/// </summary>
public sealed class BootstrapServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BootstrapServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    /// <summary>Where it listens (with the real port when configured as 0).</summary>
    public Uri Address { get; }

    /// <summary>Binds and starts serving <paramref name="system"/>'s cluster state.</summary>
    /// <exception cref="ConfigValidationException">The port cannot be bound (names <c>meshactors.bootstrap.port</c>).</exception>
    public static async Task<BootstrapServer> StartAsync(ActorSystem system, string nodeId, BootstrapOptions options, string bindHost, RemoteTls? tls, LayeredConfig layers, int maxSeedNodes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            var ip = IPAddress.TryParse(bindHost, out var parsed) ? parsed : bindHost == "localhost" ? IPAddress.Loopback : System.Net.Dns.GetHostAddresses(bindHost)[0];
            k.Listen(ip, options.Port, listen =>
            {
                if (tls is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = tls.Certificate,
                        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                        ClientCertificateValidation = (certificate, chain, errors) => tls.Validate(certificate, chain, "bootstrap client", errors, null),
                        HandshakeTimeout = TimeSpan.FromSeconds(5),
                    });
                }
            });
        });
        var app = builder.Build();
        app.MapGet("/bootstrap/seed-nodes", () => Results.Json(SeedNodes(system, nodeId, maxSeedNodes)));
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ConfigValidationException([new ConfigError("meshactors.bootstrap.port", layers.OriginOf("meshactors.bootstrap.port"), $"cannot listen on {bindHost}:{options.Port}: {ex.Message}", "choose a free port, or 0 to pick one")]);
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BootstrapServer(app, address);
    }

    /// <summary>The answer to <c>GET /bootstrap/seed-nodes</c>, as Akka Management's route gives it:
    /// no members while this node is leaving or gone; else the reachable Joining, WeaklyUp and Up members.</summary>
    public static SeedNodesResponse SeedNodes(ActorSystem system, string nodeId, int maxSeedNodes)
    {
        var cluster = Cluster.Get(system);
        var self = cluster.SelfMember;
        if (self.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving or MemberStatus.Removed)
        {
            return new SeedNodesResponse(self.Address.ToString(), [], nodeId, system.Name);
        }

        var state = cluster.State;
        var members = state.Members
            .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
            .Take(maxSeedNodes)
            .Select(m => new SeedNodeEntry(m.Address.ToString(), m.UniqueAddress.Uid, m.Status.ToString(), [.. m.Roles]))
            .ToList();
        return new SeedNodesResponse(self.Address.ToString(), members, nodeId, system.Name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
