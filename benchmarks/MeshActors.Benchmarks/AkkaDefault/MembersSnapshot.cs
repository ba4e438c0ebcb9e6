using Akka.Cluster;

namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>
/// The body of <c>GET /control/members</c>: this node's address and every member of its current
/// cluster state. Removed members are not in Akka's state, so they are absent here.
/// </summary>
public sealed record MembersSnapshot(string Self, IReadOnlyList<MemberEntry> Members)
{
    public static MembersSnapshot From(Cluster cluster)
    {
        var state = cluster.State;
        var members = state.Members
            .Select(m => new MemberEntry(
                NodeId(m.Address),
                m.Address.ToString(),
                m.Status.ToString().ToLowerInvariant(),
                !state.Unreachable.Contains(m),
                m.Roles.Order(StringComparer.Ordinal).ToList(),
                m.AppVersion.ToString(),
                new Dictionary<string, string>()))
            .ToList();
        return new MembersSnapshot(cluster.SelfAddress.ToString(), members);
    }

    /// <summary>A plain Akka node has no node id of its own: its host:port stands for one.</summary>
    private static string NodeId(Akka.Actor.Address address) => $"{address.Host}:{address.Port}";
}
