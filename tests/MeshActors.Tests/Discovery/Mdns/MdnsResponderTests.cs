using MeshActors.Discovery.Mdns;
using MeshActors.Dns;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Table tests of what the responder answers, and of the advertised records.</summary>
public sealed class MdnsResponderTests
{
    private static readonly MdnsInterface Lo = new("lo", 1, System.Net.IPAddress.Loopback);

    [Theory]
    [InlineData("_meshactors._tcp.local", DnsRecordType.PTR, "PTR", "SRV,TXT,A")]
    [InlineData("node-a._meshactors._tcp.local", DnsRecordType.SRV, "SRV", "A")]
    [InlineData("node-a._meshactors._tcp.local", DnsRecordType.TXT, "TXT", "")]
    [InlineData("NODE-A.local", DnsRecordType.A, "A", "")]
    [InlineData("node-a._meshactors._tcp.local", DnsRecordType.ANY, "SRV,TXT", "A")]
    [InlineData("_other._tcp.local", DnsRecordType.PTR, null, null)]
    [InlineData("node-a.local", DnsRecordType.AAAA, null, null)]
    public void Answers_questions_about_our_names(string name, DnsRecordType type, string? answers, string? additionals)
    {
        var response = MdnsResponder.Answer(new DnsMessage { Questions = [new DnsQuestion(name, type)] }, Ours(), legacyUnicast: false);

        if (answers is null)
        {
            response.Should().BeNull();
            return;
        }

        string.Join(',', response!.Answers.Select(r => r.Type)).Should().Be(answers);
        string.Join(',', response.Additionals.Select(r => r.Type)).Should().Be(additionals);
        response.Id.Should().Be(0);
    }

    [Theory]
    [InlineData(120u, true)]
    [InlineData(60u, true)]
    [InlineData(59u, false)]
    public void Known_answers_with_half_their_ttl_left_are_suppressed(uint knownTtl, bool suppressed)
    {
        var ptr = Ours()[0];
        var query = new DnsMessage { Questions = [new DnsQuestion(ptr.Name, DnsRecordType.PTR)], Answers = [ptr with { Ttl = knownTtl }] };

        var response = MdnsResponder.Answer(query, Ours(), legacyUnicast: false);

        (response is null).Should().Be(suppressed);
    }

    [Fact]
    public void Legacy_unicast_echoes_id_and_question_and_caps_ttl()
    {
        var query = new DnsMessage { Id = 77, Questions = [new DnsQuestion("node-a.local", DnsRecordType.A)] };

        var response = MdnsResponder.Answer(query, Ours(), legacyUnicast: true)!;

        response.Id.Should().Be(77);
        response.Questions.Should().Equal(query.Questions);
        response.Answers.Should().OnlyContain(r => r.Ttl == 10 && !r.CacheFlush);
    }

    [Fact]
    public void Responses_are_never_answered() =>
        MdnsResponder.Answer(new DnsMessage { IsResponse = true, Questions = [new DnsQuestion("node-a.local", DnsRecordType.A)] }, Ours(), false).Should().BeNull();

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("0.0.0.0", "127.0.0.1")]
    [InlineData("node-a.example", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    public void The_advertised_address_falls_back_to_the_interface(string host, string expected)
    {
        var ad = new MdnsAdvertisement(MdnsTestNodes.Options(), MdnsTestNodes.Context("node-a", "demo", 7946) with { LocalAddress = new(host, 7946) });

        ad.AddressOn(Lo).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("sha256:x", "cluster=demo,id=node-a,ver=1,fp=sha256:x")]
    [InlineData(null, "cluster=demo,id=node-a,ver=1")]
    public void Txt_carries_cluster_id_version_and_fingerprint_when_known(string? fingerprint, string expected)
    {
        var context = MdnsTestNodes.Context("node-a", "demo", 7946) with { PublicKeyFingerprint = fingerprint, ProtocolVersion = 1 };
        var txt = (TxtData)new MdnsAdvertisement(MdnsTestNodes.Options(), context).Records(Lo, 120)[2].Data;

        string.Join(',', txt.ReadAttributes().Select(a => a.Key + "=" + a.Value)).Should().Be(expected);
    }

    [Theory]
    [InlineData("node-a", "node-a")]
    [InlineData("node_1.rack", "node-1-rack")]
    [InlineData("__", "meshactors-node")]
    public void Host_labels_are_valid_dns_labels(string nodeId, string expected) =>
        MdnsAdvertisement.HostLabelFor(nodeId).Should().Be(expected);

    private static IReadOnlyList<DnsRecord> Ours() =>
        new MdnsAdvertisement(MdnsTestNodes.Options(), MdnsTestNodes.Context("node-a", "demo", 7946)).Records(Lo, 120);
}
