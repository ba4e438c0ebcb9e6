using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MeshActors.Discovery.Mdns;

/// <summary>A network interface mDNS runs on: its name, index and IPv4 address (IPv4 only; the
/// provider does not use IPv6 multicast, ff02::fb).</summary>
internal sealed record MdnsInterface(string Name, int Index, IPAddress Address)
{
    /// <summary>The interfaces for setting <c>interface</c>: the named one, or every interface that
    /// is up, multicast-capable and has an IPv4 address when <paramref name="name"/> is empty.</summary>
    /// <exception cref="DiscoveryException">No usable interface; the message says why and how to fix it.</exception>
    public static IReadOnlyList<MdnsInterface> Resolve(string name)
    {
        const string setting = "meshactors.discovery.mdns.interface";
        var all = NetworkInterface.GetAllNetworkInterfaces();
        if (name.Length > 0)
        {
            var nic = all.FirstOrDefault(n => n.Name == name)
                ?? throw new DiscoveryException($"mdns: interface \"{name}\" does not exist (have: {string.Join(", ", all.Select(n => n.Name))}); set {setting} to one of them, or \"\" for every multicast-capable interface");
            if (!nic.SupportsMulticast)
            {
                throw new DiscoveryException($"mdns: interface \"{name}\" does not support multicast; enable it (ip link set {name} multicast on) or choose another interface in {setting}");
            }

            if (!IsUp(nic))
            {
                throw new DiscoveryException($"mdns: interface \"{name}\" is down ({nic.OperationalStatus}); bring it up or choose another interface in {setting}");
            }

            return [From(nic) ?? throw new DiscoveryException($"mdns: interface \"{name}\" has no IPv4 address; mDNS here uses IPv4 only, so give it one or choose another interface in {setting}")];
        }

        var usable = all.Where(n => n.SupportsMulticast && IsUp(n)).Select(From).OfType<MdnsInterface>().ToList();
        return usable.Count > 0
            ? usable
            : throw new DiscoveryException($"mdns: no interface is up, multicast-capable and has an IPv4 address; name one in {setting}");
    }

    private static bool IsUp(NetworkInterface nic) => nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown;

    private static MdnsInterface? From(NetworkInterface nic)
    {
        var properties = nic.GetIPProperties();
        var address = properties.UnicastAddresses.Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        return address is null ? null : new MdnsInterface(nic.Name, properties.GetIPv4Properties().Index, address);
    }
}
