using System.Net;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>The total order every node applies to addresses when choosing who forms a cluster:
/// IP addresses numerically (IPv4 before IPv6), host names after them by ordinal text, then the port.
/// All nodes must agree on it, so it depends on nothing but the addresses.</summary>
internal sealed class AddressOrder : IComparer<NodeAddress>
{
    public static readonly AddressOrder Instance = new();

    public int Compare(NodeAddress x, NodeAddress y)
    {
        var byHost = CompareHosts(x.Host, y.Host);
        return byHost != 0 ? byHost : x.Port.CompareTo(y.Port);
    }

    private static int CompareHosts(string x, string y)
    {
        var xIp = IPAddress.TryParse(x, out var a);
        var yIp = IPAddress.TryParse(y, out var b);
        if (xIp != yIp)
        {
            return xIp ? -1 : 1;
        }

        if (!xIp)
        {
            return string.CompareOrdinal(x.ToLowerInvariant(), y.ToLowerInvariant());
        }

        var xBytes = a!.GetAddressBytes();
        var yBytes = b!.GetAddressBytes();
        if (xBytes.Length != yBytes.Length)
        {
            return xBytes.Length.CompareTo(yBytes.Length);
        }

        return xBytes.AsSpan().SequenceCompareTo(yBytes);
    }
}
