using Akka.Actor;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Events.Delivery;

/// <summary>Starts a node's <see cref="EventRouter"/> (<c>/user/mesh/events</c>) and attaches it to <see cref="MeshNode.Events"/>.</summary>
internal static class NodeEvents
{
    /// <summary>Starts the router, signing with the node's cluster certificate, or with an ephemeral
    /// key when <c>tls.mode = insecure</c>; it subscribes to <paramref name="views"/>' link changes.</summary>
    public static async Task<IActorRef> StartAsync(MeshNode node, ActorSystem system, IActorRef mesh, ICanTell views, IAuditSink audit, ILogger log)
    {
        var identity = node.Tls is not null
            ? EventSigningIdentity.FromTls(node.Tls)
            : EventSigningIdentity.Ephemeral(node.ClusterId, node.NodeId, node.Time);
        var metrics = new EventMetrics(node.Metrics.Registry);
        var settings = new EventRouter.Settings(node.NodeId, node.Config.Options.Events, identity, views, metrics, audit, log, node.Time);
        var router = await MeshGuardian.StartChildAsync(mesh, system, Props.Create(() => new EventRouter(settings)), "events").ConfigureAwait(false);
        node.Events.Attach(router, metrics);
        return router;
    }
}
