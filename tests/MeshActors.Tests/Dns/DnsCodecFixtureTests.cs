using System.Text.Json;
using MeshActors.Dns;

namespace MeshActors.Tests.Dns;

public sealed class DnsCodecFixtureTests
{
    [Fact]
    public void The_captured_SRV_reply_decodes_exactly_as_expected()
    {
        var result = DnsCodec.Decode(DnsFixtures.SrvReply);

        result.Error.Should().BeNull();
        result.IsComplete.Should().BeTrue();
        var message = result.Message!;
        using var expected = JsonDocument.Parse(DnsFixtures.SrvReplyExpectedJson);
        message.Questions.Should().ContainSingle();
        (message.Questions[0].Name + ".").Should().Be(expected.RootElement.GetProperty("question").GetString());
        message.Questions[0].Type.Should().Be(DnsRecordType.SRV);

        var answers = expected.RootElement.GetProperty("answers").EnumerateArray().ToList();
        message.Answers.Should().HaveCount(answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var want = answers[i];
            var got = message.Answers[i];
            (got.Name + ".").Should().Be(want.GetProperty("name").GetString());
            ((int)got.Type).Should().Be(want.GetProperty("type").GetInt32());
            got.Ttl.Should().Be(want.GetProperty("ttl").GetUInt32());
            got.IsInternetClass.Should().BeTrue();
            var srv = got.Data.Should().BeOfType<SrvData>().Subject;
            srv.Priority.Should().Be(want.GetProperty("priority").GetUInt16());
            srv.Weight.Should().Be(want.GetProperty("weight").GetUInt16());
            srv.Port.Should().Be(want.GetProperty("port").GetUInt16());
            (srv.Target + ".").Should().Be(want.GetProperty("target").GetString());
        }
    }

    [Fact]
    public void The_captured_reply_header_is_read()
    {
        var message = DnsCodec.Decode(DnsFixtures.SrvReply).Message!;

        message.Id.Should().Be(0x0901);
        message.IsResponse.Should().BeTrue();
        message.RecursionDesired.Should().BeTrue();
        message.RecursionAvailable.Should().BeTrue();
        message.ResponseCode.Should().Be(DnsResponseCode.NoError);
        message.EdnsUdpPayloadSize.Should().BeNull();
    }

    [Fact]
    public void A_corrupt_last_RDLENGTH_keeps_the_first_four_answers_and_rejects_the_fifth()
    {
        var result = DnsCodec.Decode(DnsFixtures.SrvReplyCorruptLastRdlength);

        result.Error.Should().Contain("answer 5 of 5").And.Contain("RDLENGTH");
        result.IsComplete.Should().BeFalse();
        result.Message!.Answers.Should().HaveCount(4);
        result.Message.Answers.Select(a => ((SrvData)a.Data).Target).Should().Equal(
            "xmpp-server4.l.google.com", "xmpp-server2.l.google.com", "xmpp-server3.l.google.com", "xmpp-server.l.google.com");
    }

    [Fact]
    public void The_captured_reply_survives_a_round_trip()
    {
        var message = DnsCodec.Decode(DnsFixtures.SrvReply).Message!;

        var again = DnsCodec.Decode(DnsCodec.Encode(message));

        again.Error.Should().BeNull();
        again.Message.Should().BeEquivalentTo(message);
    }
}
