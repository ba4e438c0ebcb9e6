using System.Net;
using System.Text;
using MeshActors.Dns;

namespace MeshActors.Tests.Dns;

/// <summary>Builds a varied, valid <see cref="DnsMessage"/> from a list of random choices, so that
/// FsCheck can generate and shrink messages. Names come from a small pool so compression happens.</summary>
internal static class RandomDnsMessages
{
    private static readonly string[] Labels =
        ["node1", "Node1", "test", "local", "_mesh", "_tcp", "a", "xn--bcher-kva", "Living Room", "dot\\.inside", "ünïcode", "back\\\\slash", "\\000zero", new('z', 63)];

    public static DnsMessage Build(int[] choices)
    {
        var next = new Chooser(choices);
        return new DnsMessage
        {
            Id = (ushort)next.Int(65536),
            IsResponse = next.Bool(),
            Opcode = next.Int(16),
            Authoritative = next.Bool(),
            Truncated = next.Bool(),
            RecursionDesired = next.Bool(),
            RecursionAvailable = next.Bool(),
            ResponseCode = (DnsResponseCode)next.Int(6),
            Questions = Enumerable.Range(0, next.Int(3)).Select(_ => new DnsQuestion(Name(next), (DnsRecordType)next.Int(300), next.Bool())).ToList(),
            Answers = Records(next),
            Authorities = Records(next),
            Additionals = Records(next),
            EdnsUdpPayloadSize = next.Bool() ? (ushort)next.Int(65536) : null,
        };
    }

    private static List<DnsRecord> Records(Chooser next) =>
        Enumerable.Range(0, next.Int(4)).Select(_ => Record(next)).ToList();

    private static DnsRecord Record(Chooser next)
    {
        var (type, data) = next.Int(7) switch
        {
            0 => (DnsRecordType.A, (DnsRecordData)new AddressData(new IPAddress((uint)next.Int(int.MaxValue)))),
            1 => (DnsRecordType.AAAA, new AddressData(new IPAddress(Enumerable.Range(0, 16).Select(_ => (byte)next.Int(256)).ToArray()))),
            2 => (DnsRecordType.SRV, new SrvData((ushort)next.Int(65536), (ushort)next.Int(65536), (ushort)next.Int(65536), Name(next))),
            3 => ((DnsRecordType)(new[] { 2, 5, 12 })[next.Int(3)], new PtrData(Name(next))),
            4 => (DnsRecordType.TXT, new TxtData(Enumerable.Range(0, 1 + next.Int(3)).Select(_ => Encoding.UTF8.GetBytes(Labels[next.Int(Labels.Length)])).ToList())),
            5 => (DnsRecordType.SOA, new SoaData(Name(next), Name(next), (uint)next.Int(int.MaxValue), 1, 2, 3, (uint)next.Int(1000))),
            _ => ((DnsRecordType)(100 + next.Int(100)), new UnknownData(Enumerable.Range(0, next.Int(20)).Select(_ => (byte)next.Int(256)).ToArray())),
        };
        return new DnsRecord(Name(next), type, (uint)next.Int(int.MaxValue), data, next.Bool()) { Class = next.Int(4) == 0 ? (ushort)3 : DnsClass.Internet };
    }

    private static string Name(Chooser next) =>
        string.Join('.', Enumerable.Range(0, next.Int(4)).Select(_ => Labels[next.Int(Labels.Length)]));

    private sealed class Chooser(int[] choices)
    {
        private int at;

        public int Int(int max) => choices.Length == 0 ? 0 : (int)((uint)choices[at++ % choices.Length] % (uint)max);

        public bool Bool() => Int(2) == 1;
    }
}
