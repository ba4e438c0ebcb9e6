using Akka.Actor;

namespace MeshActors.Views.Pex;

/// <summary>Checks that a string is the Akka address of a node of this cluster:
/// <c>akka.tcp://&lt;clusterId&gt;@host:port</c> or <c>akka.ssl.tcp://&lt;clusterId&gt;@host:port</c>
/// (the ActorSystem is named after the cluster id), with no path, in Akka's own spelling.</summary>
public static class PeerAddress
{
    /// <summary>Whether <paramref name="address"/> is such an address of <paramref name="clusterId"/>; parsed by Akka's <see cref="Address.TryParse(string, out Address)"/>.</summary>
    public static bool IsOfCluster(string? address, string clusterId, out string host)
    {
        host = string.Empty;
        if (!IsWireSafe(address) || !Address.TryParse(address, out var parsed) || parsed is null
            || parsed.Protocol is not ("akka.tcp" or "akka.ssl.tcp") || parsed.System != clusterId
            || parsed.Host is not { Length: > 0 } || parsed.Port is not (>= 1 and <= 65535) || parsed.ToString() != address)
        {
            return false;
        }

        host = parsed.Host;
        return true;
    }

    /// <summary>Whether the overlay's wire can carry <paramref name="address"/>: 1 to 255 printable ASCII characters.</summary>
    public static bool IsWireSafe(string? address) =>
        address is { Length: > 0 and <= Wire.OverlayCodec.MaxAddressBytes } && address.All(c => c is >= '!' and <= '~');
}
