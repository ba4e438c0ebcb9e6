using Akka.Actor;
using Akka.Cluster;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging;

namespace MeshActors.Views.Overlay;

/// <summary>Starts a node's peer-exchange responder (<c>/user/mesh/pex</c>) and view manager
/// (<c>/user/mesh/views</c>) when <c>meshactors.overlay.enabled</c> is on.</summary>
internal static class NodeViews
{
    /// <summary>The view manager, or <see cref="ActorRefs.Nobody"/> when the overlay is off.</summary>
    public static async Task<IActorRef> StartAsync(MeshNode node, ActorSystem system, IActorRef mesh, IAuditSink audit, ILogger log)
    {
        var options = node.Config.Options.Overlay;
        if (!options.Enabled)
        {
            return ActorRefs.Nobody;
        }

        var self = new OverlayPeer(node.NodeId, Cluster.Get(system).SelfAddress.ToString());
        var metrics = new ViewMetrics(node.Metrics);
        var pex = await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new PexResponder(self, options, metrics, audit, node.Time)), "pex").ConfigureAwait(false);
        var settings = new ViewManagerSettings(self, node.ClusterId, options, node.Views, node.Membership, node.Bootstrap, metrics, audit, log, node.Time,
            new SynchronizedRandomSource(EntropyRandomSource.Create()), pex, node.PeerCache);
        return await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new ViewManager(settings)), "views").ConfigureAwait(false);
    }
}
