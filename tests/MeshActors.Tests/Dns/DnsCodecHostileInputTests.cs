using MeshActors.Dns;

namespace MeshActors.Tests.Dns;

/// <summary>Hand-built hostile packets: each gives an error text, never a throw, a hang or a big allocation.</summary>
public sealed class DnsCodecHostileInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(11)]
    public void A_packet_shorter_than_a_header_has_no_message(int length)
    {
        var result = DnsCodec.Decode(new byte[length]);

        result.Message.Should().BeNull();
        result.Error.Should().Contain("header");
    }

    [Fact]
    public void A_pointer_to_itself_is_a_loop_not_a_hang()
    {
        var packet = PacketBuilder.Header(qd: 1).Pointer(12).U16(1).U16(1).Build();

        var result = DnsCodec.Decode(packet);

        result.Error.Should().Contain("compression pointer").And.Contain("loop");
        result.Message!.Questions.Should().BeEmpty();
    }

    [Fact]
    public void Two_pointers_that_point_at_each_other_are_rejected()
    {
        // byte 12: label "a", then a pointer to byte 16; byte 16: a pointer back to byte 12.
        var packet = PacketBuilder.Header(qd: 1).Label("a").Pointer(16).Pointer(12).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("compression pointer");
    }

    [Fact]
    public void A_label_run_that_reaches_its_own_pointer_again_is_rejected()
    {
        // byte 12: label "a", then a pointer back to byte 12: backwards, yet a loop.
        var packet = PacketBuilder.Header(qd: 1).Label("a").Pointer(12).U16(1).U16(1).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("loop");
    }

    [Theory]
    [InlineData(0x3FFF)]
    [InlineData(40)]
    public void A_pointer_forward_or_past_the_end_is_rejected(int target)
    {
        var packet = PacketBuilder.Header(qd: 1).Pointer(target).U16(1).U16(1).Raw(new byte[40]).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("forward pointer");
    }

    [Fact]
    public void A_pointer_into_the_header_is_rejected()
    {
        var packet = PacketBuilder.Header(qd: 2).Question("a.b").Pointer(4).U16(1).U16(1).Build();

        var result = DnsCodec.Decode(packet);

        result.Error.Should().Contain("question 2 of 2").And.Contain("header");
        result.Message!.Questions.Should().ContainSingle().Which.Name.Should().Be("a.b");
    }

    [Fact]
    public void A_pointer_cut_off_by_the_end_is_rejected()
    {
        var packet = PacketBuilder.Header(qd: 1).Raw(0xC0).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("cut off");
    }

    [Fact]
    public void A_label_longer_than_the_packet_is_rejected()
    {
        var packet = PacketBuilder.Header(qd: 1).Raw(40, (byte)'a', (byte)'b').Build();

        DnsCodec.Decode(packet).Error.Should().Contain("40-byte label").And.Contain("past the end");
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x80)]
    public void Extended_and_reserved_label_types_are_rejected(byte type)
    {
        var packet = PacketBuilder.Header(qd: 1).Raw(type, 1, 0).U16(1).U16(1).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("unsupported type");
    }

    [Fact]
    public void A_name_longer_than_255_bytes_is_rejected()
    {
        var label = new string('x', 63);
        var packet = PacketBuilder.Header(qd: 1).Name(string.Join('.', Enumerable.Repeat(label, 5))).U16(1).U16(1).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("longer than 255");
    }

    [Fact]
    public void A_name_made_longer_than_255_bytes_by_a_chain_of_backward_pointers_is_rejected()
    {
        var label = new string('x', 63);
        var builder = PacketBuilder.Header(qd: 5).Label(label).Raw(0).U16(1).U16(1);
        var previous = 12;
        for (var i = 1; i < 5; i++)
        {
            var here = builder.Length;
            builder.Label(label).Pointer(previous).U16(1).U16(1);
            previous = here;
        }

        var result = DnsCodec.Decode(builder.Build());

        result.Error.Should().Contain("question 4 of 5").And.Contain("longer than 255");
        result.Message!.Questions.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(65535, 0, 0, 0)]
    [InlineData(0, 65535, 0, 0)]
    [InlineData(0, 0, 65535, 0)]
    [InlineData(0, 0, 0, 65535)]
    public void Absurd_counts_in_a_12_byte_packet_end_at_the_first_missing_record(int qd, int an, int ns, int ar)
    {
        var packet = PacketBuilder.Header(qd: (ushort)qd, an: (ushort)an, ns: (ushort)ns, ar: (ushort)ar).Build();

        var result = DnsCodec.Decode(packet);

        result.Error.Should().Contain("1 of 65535");
        result.Message!.Answers.Should().BeEmpty();
    }

    [Fact]
    public void An_address_of_the_wrong_length_skips_that_record_and_keeps_the_next()
    {
        var packet = PacketBuilder.Header(an: 2)
            .RecordHeader("bad.test", 1, 3).Raw(1, 2, 3)
            .RecordHeader("good.test", 1, 4).Raw(10, 0, 0, 1)
            .Build();

        var result = DnsCodec.Decode(packet);

        result.Error.Should().Contain("answer 1 of 2 (bad.test A)").And.Contain("3 bytes");
        result.Message!.Answers.Should().ContainSingle().Which.Data.Should().Be(new AddressData(System.Net.IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void An_SRV_target_that_runs_past_its_RDATA_is_rejected()
    {
        var packet = PacketBuilder.Header(an: 1).RecordHeader("_s._tcp.test", 33, 8).U16(1).U16(2).U16(3).Raw(5, (byte)'a', 0, 0, 0, 0).Build();

        var result = DnsCodec.Decode(packet);

        result.Error.Should().Contain("the target").And.Contain("RDATA");
        result.Message!.Answers.Should().BeEmpty();
    }

    [Fact]
    public void A_TXT_string_longer_than_its_RDATA_is_rejected()
    {
        var packet = PacketBuilder.Header(an: 1).RecordHeader("t.test", 16, 3).Raw(9, (byte)'a', (byte)'b').Build();

        DnsCodec.Decode(packet).Error.Should().Contain("9-byte string");
    }

    [Fact]
    public void RDATA_with_bytes_left_over_is_rejected()
    {
        var packet = PacketBuilder.Header(an: 1).RecordHeader("p.test", 12, 4).Raw(1, (byte)'x', 0, 7).Build();

        DnsCodec.Decode(packet).Error.Should().Contain("1 bytes left over");
    }

    [Fact]
    public void An_OPT_record_sets_the_payload_size_and_extended_code_and_stays_out_of_the_additionals()
    {
        var packet = PacketBuilder.Header(flags: 0x8180, ar: 2)
            .RecordHeader("n.test", 1, 4).Raw(127, 0, 0, 1)
            .Raw(0).U16(41).U16(1232).U32(1u << 24).U16(0)
            .Build();

        var message = DnsCodec.Decode(packet).Message!;

        message.EdnsUdpPayloadSize.Should().Be(1232);
        message.ResponseCode.Should().Be(DnsResponseCode.BadVersion);
        message.Additionals.Should().ContainSingle().Which.Type.Should().Be(DnsRecordType.A);
    }

    [Fact]
    public void The_mDNS_class_bits_are_read_and_other_classes_are_kept()
    {
        var packet = PacketBuilder.Header(qd: 1, an: 2).Name("q.local").U16(12).U16(0x8001)
            .RecordHeader("a.local", 1, 4, @class: 0x8001).Raw(10, 0, 0, 1)
            .RecordHeader("chaos.test", 16, 2, @class: 3).Raw(1, (byte)'x')
            .Build();

        var message = DnsCodec.Decode(packet).Message!;

        message.Questions[0].UnicastResponse.Should().BeTrue();
        message.Questions[0].Class.Should().Be(DnsClass.Internet);
        message.Answers[0].CacheFlush.Should().BeTrue();
        message.Answers[0].IsInternetClass.Should().BeTrue();
        message.Answers[1].IsInternetClass.Should().BeFalse();
        message.Answers[1].Class.Should().Be(3);
    }
}
