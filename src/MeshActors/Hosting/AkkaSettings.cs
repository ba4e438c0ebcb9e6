using System.Globalization;
using MeshActors.Configuration;

namespace MeshActors.Hosting;

/// <summary>
/// The <c>akka.*</c> HOCON MeshActors needs, derived from validated options: the cluster
/// provider, remoting's address and frame size, seed nodes and roles, the membership profile's
/// failure detector and gossip timings, the split-brain resolver (keep-majority), and the overlay's
/// serializer (<c>OverlaySerializer</c>, bound to <c>IOverlayWire</c>). It is added as a fallback, so an
/// <c>akka.*</c> key the application sets itself wins. Pure, so a test pins every value.
/// </summary>
public static class AkkaSettings
{
    /// <summary>The HOCON text for <paramref name="options"/>. Remoting and clustering are also set
    /// through Akka.Hosting's <c>WithRemoting</c>/<c>WithClustering</c> (which carry the TLS set-up);
    /// the same values appear here so that <c>meshctl config resolve</c> shows them.</summary>
    public static string Hocon(MeshActorsOptions options)
    {
        var p = options.Membership.Profile;
        var t = options.Transport;
        var tls = t.Tls.Enabled;
        var seeds = SeedNodes.For(options.Cluster.Id, options.Discovery.Static.Seeds, tls);
        return $$"""
            akka {
              actor {
                provider = cluster
                serializers {
                  mesh-overlay = "MeshActors.Views.Wire.OverlaySerializer, MeshActors"
                  mesh-events = "MeshActors.Events.Delivery.EventWireSerializer, MeshActors"
                }
                serialization-bindings {
                  "MeshActors.Views.Wire.IOverlayWire, MeshActors" = mesh-overlay
                  "MeshActors.Events.Delivery.IEventWire, MeshActors" = mesh-events
                }
                serialization-identifiers {
                  "MeshActors.Views.Wire.OverlaySerializer, MeshActors" = {{Views.Wire.OverlaySerializer.SerializerId}}
                }
              }
              loglevel = {{AkkaLogLevel(options.LogLevel)}}
              remote {
                dot-netty.tcp {
                  hostname = {{Quote(t.Host)}}
                  port = {{t.Port}}
                  public-hostname = {{Quote(t.AdvertisedHost.Length > 0 ? t.AdvertisedHost : t.Host)}}
                  enable-ssl = {{(tls ? "on" : "off")}}
                  maximum-frame-size = {{t.MaxMessageSize}}b
                  connection-timeout = {{Ms(t.ConnectTimeout)}}
                }
              }
              cluster {
                seed-nodes = [{{string.Join(", ", seeds.Select(Quote))}}]
                roles = [{{string.Join(", ", options.Node.Metadata.Roles.Select(Quote))}}]
                failure-detector {
                  heartbeat-interval = {{Ms(p.HeartbeatInterval)}}
                  acceptable-heartbeat-pause = {{Ms(p.AcceptableHeartbeatPause)}}
                  monitored-by-nr-of-members = {{p.MonitoredByNrOfMembers}}
                  threshold = {{p.Threshold.ToString(CultureInfo.InvariantCulture)}}
                }
                gossip-interval = {{Ms(p.GossipInterval)}}
                leader-actions-interval = {{Ms(p.LeaderActionsInterval)}}
                unreachable-nodes-reaper-interval = {{Ms(p.UnreachableNodesReaperInterval)}}
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = {{Ms(p.StableAfter)}}
                  down-all-when-unstable = {{Ms(p.DownAllWhenUnstable)}}
                }
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown.run-by-clr-shutdown-hook = on
              management.cluster.bootstrap {
                contact-point-discovery {
                  discovery-method = meshactors
                  service-name = {{Quote(options.Cluster.Id)}}
                  stable-margin = 1s
                  interval = 500ms
                  required-contact-point-nr = 2
                }
                contact-point {
                  fallback-port = {{options.Bootstrap.Port}}
                  filter-on-fallback-port = off
                  probe-interval = 500ms
                  probing-failure-timeout = 3s
                }
              }
            }
            """;
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Ms(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string AkkaLogLevel(Microsoft.Extensions.Logging.LogLevel level) => level switch
    {
        <= Microsoft.Extensions.Logging.LogLevel.Debug => "DEBUG",
        Microsoft.Extensions.Logging.LogLevel.Information => "INFO",
        Microsoft.Extensions.Logging.LogLevel.Warning => "WARNING",
        _ => "ERROR",
    };
}
