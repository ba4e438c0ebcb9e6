using System.Net;
using System.Text;
using MeshActors.Dns;

namespace MeshActors.Tests.Dns;

public sealed class DnsCodecRoundTripTests
{
    [Fact]
    public void A_response_with_every_record_type_round_trips()
    {
        var message = new DnsMessage
        {
            Id = 0xBEEF,
            IsResponse = true,
            Authoritative = true,
            RecursionDesired = true,
            ResponseCode = DnsResponseCode.NoError,
            Questions = [new DnsQuestion("_mesh._tcp.Test.local", DnsRecordType.SRV)],
            Answers =
            [
                new DnsRecord("_mesh._tcp.Test.local", DnsRecordType.SRV, 5, new SrvData(10, 50, 7946, "node1.test.local")),
                new DnsRecord("_mesh._tcp.Test.local", DnsRecordType.TXT, 5, TxtData.FromAttributes([new("cluster", "demo"), new("secure", null)])),
                new DnsRecord("alias.test.local", DnsRecordType.CNAME, 5, new PtrData("node1.test.local")),
            ],
            Authorities = [new DnsRecord("test.local", DnsRecordType.SOA, 5, new SoaData("ns.test.local", "admin.test.local", 1, 2, 3, 4, 5))],
            Additionals =
            [
                new DnsRecord("node1.test.local", DnsRecordType.A, 5, new AddressData(IPAddress.Parse("127.0.0.11"))),
                new DnsRecord("node1.test.local", DnsRecordType.AAAA, 5, new AddressData(IPAddress.Parse("fd00::11"))),
                new DnsRecord("x.test.local", (DnsRecordType)99, 5, new UnknownData([1, 2, 3])),
            ],
            EdnsUdpPayloadSize = 1232,
        };

        var result = DnsCodec.Decode(DnsCodec.Encode(message));

        result.Error.Should().BeNull();
        result.Message.Should().BeEquivalentTo(message, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Repeated_names_are_compressed_into_pointers()
    {
        var records = Enumerable.Range(0, 10)
            .Select(i => new DnsRecord("_mesh._tcp.test.local", DnsRecordType.PTR, 5, new PtrData($"n{i}._mesh._tcp.test.local")))
            .ToList();
        var message = new DnsMessage { IsResponse = true, Answers = records };

        var packet = DnsCodec.Encode(message);

        packet.Length.Should().Be(12 + (23 + 10 + 5) + (9 * (2 + 10 + 5)), "the owner is written once, then pointed to; each target is one label and a pointer");
        DnsCodec.Decode(packet).Message!.Answers.Should().BeEquivalentTo(records, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Labels_with_dots_spaces_and_unicode_round_trip_through_FromLabels()
    {
        var name = DnsName.FromLabels("Node 1.rack\\2 ü", "_meshactors", "_tcp", "local");
        var message = new DnsMessage { Questions = [new DnsQuestion(name, DnsRecordType.PTR)] };

        var decoded = DnsCodec.Decode(DnsCodec.Encode(message)).Message!.Questions[0].Name;

        decoded.Should().Be(name);
        DnsName.Labels(decoded).Should().Equal("Node 1.rack\\2 ü", "_meshactors", "_tcp", "local");
    }

    [Theory]
    [InlineData("Node1.Test.Local", "node1.test.local.", true)]
    [InlineData("a\\.b.c", "a\\.B.c", true)]
    [InlineData("a\\.b.c", "a.b.c", false)]
    [InlineData("\\065.x", "a.x", true)]
    [InlineData("", ".", true)]
    [InlineData("a.b", "a.bc", false)]
    public void Names_compare_case_insensitively_and_by_their_bytes(string a, string b, bool equal)
    {
        DnsName.Equal(a, b).Should().Be(equal);
    }

    [Theory]
    [InlineData("a..b", "empty label")]
    [InlineData(".a", "empty label")]
    [InlineData("a\\", "lone")]
    [InlineData("a\\999", "above 255")]
    public void Invalid_names_are_refused_when_encoding(string name, string error)
    {
        var act = () => DnsCodec.Encode(new DnsMessage { Questions = [new DnsQuestion(name, DnsRecordType.A)] });

        act.Should().Throw<ArgumentException>().WithMessage($"*{error}*");
    }

    [Fact]
    public void Names_and_labels_over_the_limits_are_refused_when_encoding()
    {
        var longLabel = () => DnsCodec.Encode(new DnsMessage { Questions = [new DnsQuestion(new string('a', 64) + ".x", DnsRecordType.A)] });
        var longName = () => DnsCodec.Encode(new DnsMessage { Questions = [new DnsQuestion(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)), DnsRecordType.A)] });

        longLabel.Should().Throw<ArgumentException>().WithMessage("*64 bytes*");
        longName.Should().Throw<ArgumentException>().WithMessage("*255 bytes*");
    }

    [Fact]
    public void Data_that_does_not_fit_its_type_is_refused()
    {
        var ipv6InA = () => DnsCodec.Encode(new DnsMessage { Answers = [new DnsRecord("a.test", DnsRecordType.A, 1, new AddressData(IPAddress.IPv6Loopback))] });
        var srvInPtr = () => DnsCodec.Encode(new DnsMessage { Answers = [new DnsRecord("a.test", DnsRecordType.PTR, 1, new SrvData(1, 1, 1, "b"))] });

        ipv6InA.Should().Throw<ArgumentException>();
        srvInPtr.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_empty_TXT_is_written_as_one_empty_string()
    {
        var packet = DnsCodec.Encode(new DnsMessage { Answers = [new DnsRecord("t.test", DnsRecordType.TXT, 1, new TxtData([]))] });

        DnsCodec.Decode(packet).Message!.Answers[0].Data.Should().Be(new TxtData([[]]));
    }

    [Fact]
    public void TXT_attributes_follow_RFC_6763()
    {
        var txt = new TxtData(new[] { "cluster=demo", "Cluster=other", "flag", "empty=", "=novalue", "", "eq=a=b" }
            .Select(s => Encoding.UTF8.GetBytes(s)).ToList());

        var attributes = txt.ReadAttributes();

        attributes.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["cluster"] = "demo", ["flag"] = null, ["empty"] = "", ["eq"] = "a=b",
        });
        attributes["CLUSTER"].Should().Be("demo");
    }
}
