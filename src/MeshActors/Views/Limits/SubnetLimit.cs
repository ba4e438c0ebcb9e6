namespace MeshActors.Views.Limits;

/// <summary>At most so many peers per subnet (<see cref="SubnetKey"/>), so that one network cannot
/// fill a node's views (an eclipse). Exempt peers (<see cref="SubnetExemptions"/>) are neither
/// counted nor refused.</summary>
public static class SubnetLimit
{
    /// <summary>Whether <paramref name="candidateHost"/> may become a peer next to <paramref name="activePeerHosts"/>:
    /// true when it is exempt, when <paramref name="maxPerSubnet"/> is 0 or less (no limit), or when fewer
    /// than <paramref name="maxPerSubnet"/> non-exempt active peers share its subnet.</summary>
    public static bool Admits(IEnumerable<string> activePeerHosts, string candidateHost, int maxPerSubnet, SubnetExemptions exempt)
    {
        ArgumentNullException.ThrowIfNull(activePeerHosts);
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateHost);
        ArgumentNullException.ThrowIfNull(exempt);
        if (maxPerSubnet <= 0 || exempt.IsExempt(candidateHost))
        {
            return true;
        }

        var key = SubnetKey.Of(candidateHost);
        return activePeerHosts.Count(h => !string.IsNullOrWhiteSpace(h) && !exempt.IsExempt(h) && SubnetKey.Of(h) == key) < maxPerSubnet;
    }
}
