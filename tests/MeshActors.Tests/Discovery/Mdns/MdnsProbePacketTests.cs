using MeshActors.Discovery.Mdns;
using MeshActors.Dns;
using static MeshActors.Tests.Discovery.Mdns.MdnsProbeFixtures;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The probe on the wire, byte for byte, and the conflict rules on exact packets
/// (RFC 6762 §8.1, §8.2, §9), the tie-break order and the rename rules.</summary>
public sealed class MdnsProbePacketTests
{
    [Fact]
    public void The_first_probe_asks_ANY_with_QU_for_both_names_and_proposes_the_unique_records_in_the_authority_section()
    {
        var packet = Convert.ToHexString(DnsCodec.Encode(Advertisement().Probe(Lo, unicastResponse: true)));

        packet.Should().Be(
            "0000" + "0000" + "0002" + "0000" + "0003" + "0000"              // id 0, a query: 2 questions, 3 authority records
            + "066E6F64652D310B5F6D6573686163746F7273045F746370056C6F63616C00" + "00FF" + "8001" // node-1._meshactors._tcp.local ANY, QU + IN
            + "066E6F64652D31C024" + "00FF" + "8001"                                          // node-1.local (pointer to "local" at 36) ANY, QU + IN
            + "C00C" + "0021" + "0001" + "00000078" + "0014" + "000000001F0A066E6F64652D31056C6F63616C00" // SRV 0 0 7946 node-1.local, no cache-flush
            + "C00C" + "0010" + "0001" + "00000078" + "001D" + "0C636C75737465723D64656D6F" + "0969643D6E6F64652D31" + "057665723D31" // TXT
            + "C02F" + "0001" + "0001" + "00000078" + "0004" + "7F000001");                   // A 127.0.0.1
    }

    [Fact]
    public void Later_probes_ask_for_multicast_replies() =>
        Advertisement().Probe(Lo, unicastResponse: false).Questions.Should().OnlyContain(q => !q.UnicastResponse && q.Type == DnsRecordType.ANY);

    [Theory]
    // An avahi-like answer to our probe: node-1's SRV pointing to peer-a.local, port 7950.
    [InlineData("000084000000000100000000" + "066E6F64652D310B5F6D6573686163746F7273045F746370056C6F63616C00" + "0021" + "8001" + "00000078" + "0014" + "0000" + "0000" + "1F0E" + "06706565722D61056C6F63616C00", Instance, "")]
    // The same answer with TTL 0 (a goodbye): no conflict.
    [InlineData("000084000000000100000000" + "066E6F64652D310B5F6D6573686163746F7273045F746370056C6F63616C00" + "0021" + "8001" + "00000000" + "0014" + "0000" + "0000" + "1F0E" + "06706565722D61056C6F63616C00", "", "")]
    // Our own probe, looped back: identical authority records, no conflict.
    [InlineData("OWN", "", "")]
    // Another host probing node-1.local with A 127.0.0.2 (later than our 127.0.0.1): we lose.
    [InlineData("00000000000100000001000006" + "6E6F64652D31056C6F63616C0000FF0001" + "C00C00010001000000780004" + "7F000002", "", Host)]
    // The same probe with A 127.0.0.0 (earlier): we win and ignore it.
    [InlineData("00000000000100000001000006" + "6E6F64652D31056C6F63616C0000FF0001" + "C00C00010001000000780004" + "7F000000", "", "")]
    public void Exact_packets_are_judged_per_RFC_6762(string hex, string conflict, string lost)
    {
        var ours = Ours(Advertisement());
        var packet = hex == "OWN" ? DnsCodec.Encode(Advertisement().Probe(Lo, true)) : Convert.FromHexString(hex);
        var message = DnsCodec.Decode(packet).Message!;

        var verdict = MdnsConflicts.WhileProbing(message, ours);

        string.Join(',', verdict.Conflicts).Should().Be(conflict);
        string.Join(',', verdict.LostTieBreaks).Should().Be(lost);
    }

    [Theory]
    [InlineData("A 127.0.0.1", "A 127.0.0.2", -1)]
    [InlineData("A 127.0.0.2", "A 127.0.0.1", 1)]
    [InlineData("A 127.0.0.1", "A 127.0.0.1", 0)]
    [InlineData("A 127.0.0.1", "A 127.0.0.1,A 127.0.0.3", -1)]
    [InlineData("A 127.0.0.9", "A 127.0.0.1,A 127.0.0.3", 1)]
    [InlineData("A 200.0.0.1", "TXT a", -1)]
    [InlineData("SRV 7950,TXT a", "TXT a,SRV 7950", 0)]
    [InlineData("SRV 7951", "SRV 7950", 1)]
    public void The_tie_break_sorts_each_side_then_compares_type_then_rdata_bytes(string ours, string theirs, int expected) =>
        Math.Sign(MdnsTieBreak.Compare(Parse(ours), Parse(theirs))).Should().Be(expected);

    [Theory]
    [InlineData("node-1", 1, "node-1", "node-1")]
    [InlineData("node-1", 2, "node-1 (2)", "node-1-2")]
    [InlineData("node-1", 17, "node-1 (17)", "node-1-17")]
    public void Renames_number_the_attempts_from_the_original(string original, int attempt, string instance, string host)
    {
        MdnsNames.Instance(original, attempt).Should().Be(instance);
        MdnsNames.Host(original, attempt).Should().Be(host);
    }

    [Fact]
    public void A_renamed_label_still_fits_63_bytes()
    {
        var renamed = MdnsNames.Instance(new string('x', 63), 12);

        renamed.Should().Be(new string('x', 58) + " (12)");
        System.Text.Encoding.UTF8.GetByteCount(renamed).Should().Be(63);
    }

    private static IEnumerable<DnsRecord> Parse(string records) => records.Split(',').Select(r => r.Split(' ') switch
    {
        ["A", var ip] => A(Host, ip),
        ["TXT", var t] => Txt(Instance, t),
        ["SRV", var port] => Srv(Instance, ushort.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(r),
    });
}
