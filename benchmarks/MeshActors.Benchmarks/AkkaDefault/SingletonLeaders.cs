using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>
/// An Akka <c>ClusterSingletonManager</c> (singleton <see cref="SingletonHost"/>, at <c>/user/leader</c>)
/// and a <c>ClusterSingletonProxy</c> to it, with the settings of <c>akka.cluster.singleton</c> and
/// <c>akka.cluster.singleton-proxy</c> (Akka's defaults unless the node's config changes them), and
/// <c>GET /control/leaders</c> in the MeshActors node's shape, answered through the proxy:
/// <c>[{scope: "global", leaderId, fencingToken: null, term: null, acquiredAt, expiresAt: null}]</c>,
/// where <c>leaderId</c> is the address of the node the singleton answered from and
/// <c>acquiredAt</c> when it started there. A singleton has no fencing token, hence null. While the
/// proxy gets no answer within <see cref="AskTimeout"/> (the singleton is moving), <c>leaderId</c> is null.
/// </summary>
internal static class SingletonLeaders
{
    /// <summary>How long one request waits for the singleton's answer through the proxy.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Starts the manager and the proxy on this node.</summary>
    public static AkkaConfigurationBuilder WithLeaderSingleton(this AkkaConfigurationBuilder akka) => akka
        .AddHocon(ClusterSingleton.DefaultConfig(), HoconAddMode.Append)
        .WithActors((system, registry) =>
        {
            system.ActorOf(
                ClusterSingletonManager.Props(Props.Create<SingletonHost>(), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
                "leader");
            var proxy = system.ActorOf(ClusterSingletonProxy.Props("/user/leader", ClusterSingletonProxySettings.Create(system)), "leader-proxy");
            registry.Register<LeaderProxy>(proxy);
        });

    /// <summary>Serves <c>GET /control/leaders</c> from the proxy's answer.</summary>
    public static void MapLeaders(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/control/leaders", async (ActorRegistry registry) =>
        {
            HostedBy? hostedBy = null;
            try
            {
                hostedBy = await registry.Get<LeaderProxy>().Ask<HostedBy>(new WhoHosts(), AskTimeout);
            }
            catch (AskTimeoutException)
            {
                // The singleton is moving (or its host is dead and not yet removed): no leader known.
            }

            return Results.Json(new[]
            {
                new
                {
                    scope = "global",
                    leaderId = hostedBy?.Address,
                    fencingToken = (long?)null,
                    term = (long?)null,
                    acquiredAt = hostedBy?.StartedAt,
                    expiresAt = (DateTimeOffset?)null,
                },
            });
        });

    /// <summary>The registry key of the singleton proxy.</summary>
    internal sealed class LeaderProxy;
}
