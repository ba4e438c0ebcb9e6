using MeshActors.Actors;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Security;
using MeshActors.Transport.Http2;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>Builds the node's HTTP/2 transport from <c>meshactors.transport.*</c>, failing early,
/// with the setting named, on certificates that cannot work.</summary>
internal static class MeshTransportFactory
{
    public static Http2Transport Create(MeshActorsOptions options, string nodeId, TimeProvider time, IRandomSource random, ILoggerFactory loggerFactory, IAuditSink audit)
    {
        var transport = options.Transport;
        var log = loggerFactory.CreateLogger("MeshActors.Transport");
        return new Http2Transport(
            new Http2TransportOptions
            {
                NodeId = nodeId,
                ClusterId = options.Cluster.Id,
                ListenHost = transport.Host,
                ListenPort = transport.Port,
                AdvertisedHost = transport.AdvertisedHost.Length > 0 ? transport.AdvertisedHost : null,
                MaxMessageSize = transport.MaxMessageSize,
                ConnectionsPerPeer = transport.ConnectionsPerPeer,
                ConnectTimeout = transport.ConnectTimeout,
                InboundRatePerPeer = transport.InboundMessagesPerSecond,
                InboundBurstPerPeer = transport.InboundBurst,
                PinnedKeys = transport.Tls.PinnedKeys,
                Tls = transport.Tls.Enabled ? LoadTls(options, nodeId, time, log) : Insecure(log),
                Time = time,
                Random = random.Split(),
                Audit = audit,
            },
            loggerFactory);
    }

    private static IPeerTls? Insecure(ILogger log)
    {
        MeshLog.TransportInsecure(log);
        return null;
    }

    private static ClusterPeerTls LoadTls(MeshActorsOptions options, string nodeId, TimeProvider time, ILogger log)
    {
        var tls = options.Transport.Tls;
        var (ca, cert, key) = (tls.CaPath, tls.CertPath, tls.KeyPath);
        TlsCredentialStore store;
        try
        {
            if (tls.UsesDevelopmentCertificates)
            {
                (ca, cert, key) = DevelopmentCertificates.Ensure(Path.GetFullPath(options.Node.DataDir), options.Cluster.Id, nodeId, time);
                MeshLog.DevelopmentCertificates(log, Path.GetDirectoryName(cert)!);
            }

            store = new TlsCredentialStore(ca, cert, key, time, log, tls.ReloadCheckInterval);
        }
        catch (CertificateFileException ex)
        {
            var setting = ex.FilePath == key ? "key" : ex.FilePath == ca ? "ca" : "cert";
            throw new ConfigValidationException([new ConfigError("meshactors.transport.tls." + setting, null, ex.Problem, ex.Message)]);
        }

        var own = store.Current.NodeCertificate;
        if (!MeshIdentity.TryRead(own, out var certCluster, out var certNode) || certCluster != options.Cluster.Id || certNode != nodeId)
        {
            throw new ConfigValidationException([new ConfigError(
                "meshactors.transport.tls.cert",
                null,
                $"{cert} names node '{certNode}' of cluster '{certCluster}', but this is node '{nodeId}' of cluster '{options.Cluster.Id}', so every peer would refuse it",
                $"issue a certificate for this node: meshctl cert issue --ca CA_DIR --cluster {options.Cluster.Id} --node {nodeId} --out DIR")]);
        }

        return new ClusterPeerTls(store, options.Cluster.Id, time);
    }
}
