using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// The records this node advertises (RFC 6763): the service type's PTR to
/// <c>&lt;node id&gt;.&lt;service&gt;.local</c>, that instance's SRV (mesh transport port, target
/// <c>&lt;host label&gt;.local</c>) and TXT (<c>cluster</c>, <c>id</c>, <c>ver</c>, and <c>fp</c>
/// when TLS is on), and the host's A record. The host label is the node id made a valid label, so
/// several nodes on one machine never contest one host name. Pure.
/// </summary>
internal sealed class MdnsAdvertisement
{
    private readonly DiscoveryContext _context;
    private readonly TxtData _txt;

    /// <summary>Creates the advertisement for <paramref name="context"/>'s node.</summary>
    public MdnsAdvertisement(MdnsDiscoveryOptions options, DiscoveryContext context)
    {
        _context = context;
        ServiceName = options.ServiceName;
        InstanceName = DnsName.FromLabels([context.NodeId, .. DnsName.Labels(ServiceName)]);
        HostName = HostLabel(context.NodeId) + ".local";
        Ttl = (uint)options.Ttl.TotalSeconds;
        var txt = new List<KeyValuePair<string, string?>>
        {
            new("cluster", context.ClusterId),
            new("id", context.NodeId),
            new("ver", context.ProtocolVersion.ToString(CultureInfo.InvariantCulture)),
        };
        if (context.PublicKeyFingerprint is { } fp)
        {
            txt.Add(new("fp", fp));
        }

        _txt = TxtData.FromAttributes(txt);
    }

    /// <summary>The service type's name, e.g. <c>_meshactors._tcp.local</c>.</summary>
    public string ServiceName { get; }

    /// <summary>This node's instance name, e.g. <c>node-1._meshactors._tcp.local</c>.</summary>
    public string InstanceName { get; }

    /// <summary>The SRV target, e.g. <c>node-1.local</c>.</summary>
    public string HostName { get; }

    /// <summary>The TTL of the records, in seconds.</summary>
    public uint Ttl { get; }

    /// <summary>The address advertised on <paramref name="nic"/>: the node's advertised IP, or the
    /// interface's own address when that is unspecified (0.0.0.0) or a host name.</summary>
    public IPAddress AddressOn(MdnsInterface nic) =>
        IPAddress.TryParse(_context.LocalAddress.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any) ? ip : nic.Address;

    /// <summary>The records as sent on <paramref name="nic"/>, with <paramref name="ttl"/> seconds (0 for the goodbye).</summary>
    public IReadOnlyList<DnsRecord> Records(MdnsInterface nic, uint ttl)
    {
        var address = AddressOn(nic);
        var addressType = address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A;
        return
        [
            new DnsRecord(ServiceName, DnsRecordType.PTR, ttl, new PtrData(InstanceName)),
            new DnsRecord(InstanceName, DnsRecordType.SRV, ttl, new SrvData(0, 0, (ushort)_context.LocalAddress.Port, HostName), CacheFlush: true),
            new DnsRecord(InstanceName, DnsRecordType.TXT, ttl, _txt, CacheFlush: true),
            new DnsRecord(HostName, addressType, ttl, new AddressData(address), CacheFlush: true),
        ];
    }

    /// <summary>An unsolicited announcement (or, with <paramref name="ttl"/> 0, the goodbye): every record in the answer section.</summary>
    public DnsMessage Announcement(MdnsInterface nic, uint ttl) => new()
    {
        IsResponse = true,
        Authoritative = true,
        Answers = Records(nic, ttl),
    };

    /// <summary><paramref name="nodeId"/> as one DNS host label: letters, digits and '-', at most 63 characters.</summary>
    public static string HostLabel(string nodeId)
    {
        var chars = nodeId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(63).ToArray();
        var label = new string(chars).Trim('-');
        return label.Length == 0 ? "meshactors-node" : label;
    }
}
