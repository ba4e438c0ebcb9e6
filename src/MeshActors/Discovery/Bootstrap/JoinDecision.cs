using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>
/// The join decision, pure (Akka Management's cluster bootstrap is the model). A node that
/// reaches a member of a formed cluster joins it. While no contact point is in a cluster, nodes
/// probe each other; once at least <c>required-contact-points</c> nodes (this one included) have
/// answered and that set has stayed the same for <c>stable-margin</c>, the node with the lowest
/// address (<see cref="AddressOrder"/>) forms the cluster, and the others join it when their
/// next probe finds it formed. With no discovery configured at all a node forms at once.
/// </summary>
internal static class JoinDecision
{
    public static BootstrapVerdict Decide(BootstrapView view, BootstrapOptions options, DateTimeOffset now)
    {
        var joined = view.Answers.Where(a => a.Joined && a.NodeId != view.SelfId).ToList();
        if (joined.Count > 0)
        {
            var seeds = joined.SelectMany(a => a.Seeds.Prepend(a.Address)).Where(s => s != view.SelfAddress).Distinct().ToList();
            var first = joined[0];
            return new BootstrapVerdict(BootstrapVerdictKind.Join, $"{first.NodeId} at {first.Address} (found by {first.Provider}) is in a cluster", seeds, first);
        }

        if (!view.FirstRunsDone)
        {
            return BootstrapVerdict.Wait("waiting for every discovery provider's first run");
        }

        if (!view.DiscoveryConfigured && view.ContactPoints == 0)
        {
            return BootstrapVerdict.Form("no discovery is configured: a single-node cluster that others can join");
        }

        if (!options.FormNewCluster)
        {
            return BootstrapVerdict.Wait($"no contact point is in a cluster yet ({view.Answers.Count} of {view.ContactPoints} answer), and form-new-cluster is false");
        }

        var seen = view.Answers.Select(a => (a.NodeId, a.Address)).Append((NodeId: view.SelfId, Address: view.SelfAddress))
            .DistinctBy(s => s.NodeId, StringComparer.Ordinal).ToList();
        if (seen.Count < options.RequiredContactPoints)
        {
            return BootstrapVerdict.Wait($"{seen.Count} of the {options.RequiredContactPoints} required nodes seen (this one included; {view.ContactPoints} contact point(s) known)");
        }

        var stableFor = now - view.SeenSince;
        if (stableFor < options.StableMargin)
        {
            return BootstrapVerdict.Wait($"{seen.Count} nodes seen, none in a cluster; the set has been stable for {Seconds(stableFor)} of the {Seconds(options.StableMargin)} stable-margin");
        }

        var lowest = seen.MinBy(s => s.Address, AddressOrder.Instance);
        return lowest.NodeId == view.SelfId
            ? BootstrapVerdict.Form($"lowest address among {seen.Count} nodes seen, none in a cluster, stable for {Seconds(stableFor)}")
            : BootstrapVerdict.Wait($"{seen.Count} nodes seen, none in a cluster: waiting for {lowest.NodeId} at {lowest.Address}, the lowest address, to form it");
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.0}s";
}
