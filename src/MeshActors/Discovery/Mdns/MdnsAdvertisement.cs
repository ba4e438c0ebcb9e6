using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// The records this node advertises (RFC 6763): the service type's PTR to
/// <c>&lt;instance label&gt;.&lt;service&gt;.local</c>, that instance's SRV (mesh transport port,
/// target <c>&lt;host label&gt;.local</c>) and TXT (<c>cluster</c>, <c>id</c>, <c>ver</c>, and
/// <c>fp</c> when TLS is on), and the host's A record. The instance label starts as the node id and
/// the host label as the node id made a valid label, so several nodes on one machine never contest
/// one host name; probing (<see cref="MdnsProber"/>) renames either when the network already uses
/// it (<see cref="Renamed"/>). The SRV, TXT and A records are unique records (cache-flush set) and
/// are what a probe proposes. Pure.
/// </summary>
internal sealed class MdnsAdvertisement
{
    private readonly DiscoveryContext _context;
    private readonly TxtData _txt;

    /// <summary>Creates the advertisement for <paramref name="context"/>'s node.</summary>
    public MdnsAdvertisement(MdnsDiscoveryOptions options, DiscoveryContext context)
        : this(options.ServiceName, context, context.NodeId, HostLabelFor(context.NodeId), (uint)options.Ttl.TotalSeconds, Txt(context))
    {
    }

    private MdnsAdvertisement(string serviceName, DiscoveryContext context, string instanceLabel, string hostLabel, uint ttl, TxtData txt)
    {
        _context = context;
        _txt = txt;
        ServiceName = serviceName;
        InstanceLabel = instanceLabel;
        HostLabel = hostLabel;
        InstanceName = DnsName.FromLabels([instanceLabel, .. DnsName.Labels(serviceName)]);
        HostName = DnsName.FromLabels(hostLabel, "local");
        Ttl = ttl;
    }

    /// <summary>The service type's name, e.g. <c>_meshactors._tcp.local</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The instance's own label, e.g. <c>node-1</c> or, renamed, <c>node-1 (2)</c>.</summary>
    public string InstanceLabel { get; }

    /// <summary>The host's label, e.g. <c>node-1</c> or, renamed, <c>node-1-2</c>.</summary>
    public string HostLabel { get; }

    /// <summary>This node's instance name, e.g. <c>node-1._meshactors._tcp.local</c>.</summary>
    public string InstanceName { get; }

    /// <summary>The SRV target, e.g. <c>node-1.local</c>.</summary>
    public string HostName { get; }

    /// <summary>The TTL of the records, in seconds.</summary>
    public uint Ttl { get; }

    /// <summary>The same records under other names (after a name conflict); TXT, port and address stay.</summary>
    public MdnsAdvertisement Renamed(string instanceLabel, string hostLabel) =>
        new(ServiceName, _context, instanceLabel, hostLabel, Ttl, _txt);

    private static TxtData Txt(DiscoveryContext context)
    {
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

        return TxtData.FromAttributes(txt);
    }

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

    /// <summary>The unique records (SRV, TXT, A/AAAA) as sent on <paramref name="nic"/>: what a probe
    /// proposes in its authority section and what a conflict is judged against.</summary>
    public IReadOnlyList<DnsRecord> UniqueRecords(MdnsInterface nic) => [.. Records(nic, Ttl).Where(r => r.CacheFlush)];

    /// <summary>A probe query for these names on <paramref name="nic"/> (RFC 6762 §8.1): an ANY
    /// question for the instance name and for the host name (QU when <paramref name="unicastResponse"/>),
    /// and the unique records proposed in the authority section, without the cache-flush bit.</summary>
    public DnsMessage Probe(MdnsInterface nic, bool unicastResponse) => new()
    {
        Questions = [new DnsQuestion(InstanceName, DnsRecordType.ANY, unicastResponse), new DnsQuestion(HostName, DnsRecordType.ANY, unicastResponse)],
        Authorities = [.. UniqueRecords(nic).Select(r => r with { CacheFlush = false })],
    };

    /// <summary>An unsolicited announcement (or, with <paramref name="ttl"/> 0, the goodbye): every record in the answer section.</summary>
    public DnsMessage Announcement(MdnsInterface nic, uint ttl) => new()
    {
        IsResponse = true,
        Authoritative = true,
        Answers = Records(nic, ttl),
    };

    /// <summary><paramref name="nodeId"/> as one DNS host label: letters, digits and '-', at most 63 characters.</summary>
    public static string HostLabelFor(string nodeId)
    {
        var chars = nodeId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(63).ToArray();
        var label = new string(chars).Trim('-');
        return label.Length == 0 ? "meshactors-node" : label;
    }
}
