namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>
/// MeshActors' <c>lan</c> membership profile as plain Akka keys, for <c>akka-node --profile lan</c>:
/// the values of <c>meshactors.membership.profiles.lan</c> in <c>hocon/reference.conf</c>, written
/// to the <c>akka.cluster</c> keys that <c>src/MeshActors/Hosting/AkkaSettings.cs</c> maps them to,
/// with the same split-brain resolver (keep-majority). Copied, not read: this project references no
/// project of the repository, so a change to the profile must be copied here too.
/// </summary>
internal static class LanProfile
{
    public const string Hocon = """
        akka.cluster {
          failure-detector {
            heartbeat-interval = 500ms
            acceptable-heartbeat-pause = 1500ms
            monitored-by-nr-of-members = 5
            threshold = 8.0
          }
          gossip-interval = 500ms
          leader-actions-interval = 250ms
          unreachable-nodes-reaper-interval = 500ms
          downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
          split-brain-resolver {
            active-strategy = keep-majority
            stable-after = 2s
            down-all-when-unstable = 15s
          }
          run-coordinated-shutdown-when-down = on
        }
        """;
}
