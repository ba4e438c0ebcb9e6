using System.Globalization;
using MeshActors.Configuration;

namespace MeshActors.Hosting;

/// <summary>
/// The <c>akka.*</c> HOCON MeshActors needs, derived from validated options: the cluster
/// provider, the membership profile's failure detector and gossip timings, the split-brain
/// resolver (keep-majority) and the remote frame size. It is added as a fallback, so an
/// <c>akka.*</c> key the application sets itself wins. Pure, so a test pins every value.
/// </summary>
public static class AkkaSettings
{
    /// <summary>The HOCON text for <paramref name="options"/>.</summary>
    public static string Hocon(MeshActorsOptions options)
    {
        var p = options.Membership.Profile;
        var t = options.Transport;
        return $$"""
            akka {
              actor.provider = cluster
              loglevel = {{AkkaLogLevel(options.LogLevel)}}
              remote {
                dot-netty.tcp {
                  maximum-frame-size = {{t.MaxMessageSize}}b
                  connection-timeout = {{Ms(t.ConnectTimeout)}}
                }
              }
              cluster {
                failure-detector {
                  heartbeat-interval = {{Ms(p.HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Ms(p.AcceptableHeartbeatPause)}}
                  threshold = {{p.Threshold.ToString(CultureInfo.InvariantCulture)}}
                }
                gossip-interval = {{Ms(p.GossipInterval)}}
                leader-actions-interval = {{Ms(p.LeaderActionsInterval)}}
                unreachable-nodes-reaper-interval = {{Ms(p.UnreachableNodesReaperInterval)}}
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{Ms(p.StableAfter)}}
                }
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown.run-by-clr-shutdown-hook = on
            }
            """;
    }

    private static string Ms(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string AkkaLogLevel(Microsoft.Extensions.Logging.LogLevel level) => level switch
    {
        <= Microsoft.Extensions.Logging.LogLevel.Debug => "DEBUG",
        Microsoft.Extensions.Logging.LogLevel.Information => "INFO",
        Microsoft.Extensions.Logging.LogLevel.Warning => "WARNING",
        _ => "ERROR",
    };
}
