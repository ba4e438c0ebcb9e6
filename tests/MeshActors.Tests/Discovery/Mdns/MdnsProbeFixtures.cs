using System.Net;
using MeshActors.Discovery.Mdns;
using MeshActors.Dns;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The records of node <c>node-1</c> (127.0.0.1:7946, no fingerprint) and messages other hosts send about its names.</summary>
internal static class MdnsProbeFixtures
{
    public const string Instance = "node-1._meshactors._tcp.local";
    public const string Host = "node-1.local";
    public static readonly MdnsInterface Lo = new("lo", 1, IPAddress.Loopback);

    public static MdnsAdvertisement Advertisement() =>
        new(MdnsTestNodes.Options(), MdnsTestNodes.Context("node-1", "demo", 7946) with { PublicKeyFingerprint = null });

    /// <summary>A response from another host holding <paramref name="records"/>.</summary>
    public static DnsMessage Response(params DnsRecord[] records) => new() { IsResponse = true, Authoritative = true, Answers = records };

    /// <summary>Another host's probe proposing <paramref name="records"/>.</summary>
    public static DnsMessage ProbeBy(params DnsRecord[] records) => new()
    {
        Questions = [.. records.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Select(n => new DnsQuestion(n, DnsRecordType.ANY))],
        Authorities = records,
    };

    public static DnsRecord Srv(string name, ushort port, string target = Host, uint ttl = 120) => new(name, DnsRecordType.SRV, ttl, new SrvData(0, 0, port, target), true);

    public static DnsRecord A(string name, string address, uint ttl = 120) => new(name, DnsRecordType.A, ttl, new AddressData(IPAddress.Parse(address)), true);

    public static DnsRecord Txt(string name, params string[] attributes) =>
        new(name, DnsRecordType.TXT, 120, new TxtData([.. attributes.Select(System.Text.Encoding.UTF8.GetBytes)]), true);

    /// <summary>Our own unique records, as the prober judges with.</summary>
    public static IReadOnlyList<DnsRecord> Ours(MdnsAdvertisement advertisement) => advertisement.UniqueRecords(Lo);
}
