using System.Net;
using Akka.Discovery;

namespace MeshActors.Discovery.Akka;

/// <summary>Contact points as Akka.Discovery targets. Pure.</summary>
internal static class ResolvedTargets
{
    /// <summary>Maps each contact point, in order, to (host, port, address): the host is the DNS
    /// name it was found under when known (an SRV target), else its address as given; port 0
    /// (a provider that knows none) becomes no port; the address is set when the host is an IP.</summary>
    public static IReadOnlyList<ServiceDiscovery.ResolvedTarget> From(IEnumerable<ContactPoint> contactPoints) =>
        contactPoints.Select(From).ToList();

    /// <summary>Maps one contact point (see <see cref="From(IEnumerable{ContactPoint})"/>).</summary>
    public static ServiceDiscovery.ResolvedTarget From(ContactPoint contactPoint)
    {
        var address = IPAddress.TryParse(contactPoint.Address.Host, out var ip) ? ip : null;
        var port = contactPoint.Address.Port > 0 ? contactPoint.Address.Port : (int?)null;
        return new ServiceDiscovery.ResolvedTarget(contactPoint.HostName ?? contactPoint.Address.Host, port, address!);
    }
}
