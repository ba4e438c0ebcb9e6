using System.Buffers.Binary;
using System.Net;

namespace MeshActors.Dns;

public static partial class DnsCodec
{
    private const int MinRecordLength = 11;

    /// <summary>
    /// Reads a packet. Never throws and never trusts a count or length: a record that breaks the
    /// format ends decoding with what was read before it, and a record whose data is malformed but
    /// whose RDLENGTH still frames it is skipped. <see cref="DnsDecodeResult.Error"/> names the first problem.
    /// </summary>
    public static DnsDecodeResult Decode(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < HeaderLength)
        {
            return new DnsDecodeResult(null, $"the packet is {packet.Length} bytes; a DNS header alone is {HeaderLength}");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var counts = new[]
        {
            BinaryPrimitives.ReadUInt16BigEndian(packet[4..]), BinaryPrimitives.ReadUInt16BigEndian(packet[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(packet[8..]), BinaryPrimitives.ReadUInt16BigEndian(packet[10..]),
        };
        var questions = new List<DnsQuestion>();
        var sections = new[] { new List<DnsRecord>(), new List<DnsRecord>(), new List<DnsRecord>() };
        var reader = new DnsPacketReader(packet, HeaderLength);
        var edns = new EdnsState();
        string? error = null;
        try
        {
            for (var i = 0; i < counts[0]; i++)
            {
                questions.Add(ReadQuestion(ref reader, $"question {i + 1} of {counts[0]}"));
            }

            string[] names = ["answer", "authority record", "additional record"];
            for (var s = 0; s < 3; s++)
            {
                for (var i = 0; i < counts[s + 1]; i++)
                {
                    var problem = ReadRecord(ref reader, $"{names[s]} {i + 1} of {counts[s + 1]}", sections[s], s == 2, ref edns);
                    error ??= problem;
                }
            }
        }
        catch (DnsFormatException ex)
        {
            error ??= ex.Message;
        }

        var message = new DnsMessage
        {
            Id = BinaryPrimitives.ReadUInt16BigEndian(packet),
            IsResponse = (flags & 0x8000) != 0,
            Opcode = (flags >> 11) & 0xF,
            Authoritative = (flags & 0x0400) != 0,
            Truncated = (flags & 0x0200) != 0,
            RecursionDesired = (flags & 0x0100) != 0,
            RecursionAvailable = (flags & 0x0080) != 0,
            ResponseCode = (DnsResponseCode)((edns.ExtendedRcode << 4) | (flags & 0xF)),
            Questions = questions,
            Answers = sections[0],
            Authorities = sections[1],
            Additionals = sections[2],
            EdnsUdpPayloadSize = edns.PayloadSize,
        };
        return new DnsDecodeResult(message, error);
    }

    private static DnsQuestion ReadQuestion(ref DnsPacketReader reader, string what)
    {
        var name = reader.ReadName(reader.Length, $"{what}: the name");
        var type = reader.ReadUInt16(reader.Length, $"{what} ({name}): QTYPE");
        var rawClass = reader.ReadUInt16(reader.Length, $"{what} ({name}): QCLASS");
        return new DnsQuestion(name, (DnsRecordType)type, (rawClass & 0x8000) != 0) { Class = (ushort)(rawClass & 0x7FFF) };
    }

    /// <summary>Reads one record into <paramref name="into"/>; returns the problem when its data
    /// was malformed but framed (the record is skipped), throws when the framing itself broke.</summary>
    private static string? ReadRecord(ref DnsPacketReader reader, string what, List<DnsRecord> into, bool additional, ref EdnsState edns)
    {
        if (reader.Position + MinRecordLength > reader.Length)
        {
            throw new DnsFormatException($"{what}: the packet ends at byte {reader.Length}, too soon for another record (at byte {reader.Position})");
        }

        var name = reader.ReadName(reader.Length, $"{what}: the owner name");
        var type = (DnsRecordType)reader.ReadUInt16(reader.Length, $"{what} ({name}): TYPE");
        var label = $"{what} ({name} {type})";
        var rawClass = reader.ReadUInt16(reader.Length, $"{label}: CLASS");
        var ttl = reader.ReadUInt32(reader.Length, $"{label}: TTL");
        var length = reader.ReadUInt16(reader.Length, $"{label}: RDLENGTH");
        var start = reader.Position;
        var end = start + length;
        if (end > reader.Length)
        {
            throw new DnsFormatException($"{label}: RDLENGTH {length} at byte {start - 2} runs past the end of the {reader.Length}-byte packet");
        }

        if (additional && type == DnsRecordType.OPT)
        {
            reader.Position = end;
            if (edns.PayloadSize is not null)
            {
                return $"{label}: a second OPT record (RFC 6891 allows one)";
            }

            edns = new EdnsState { PayloadSize = rawClass, ExtendedRcode = (int)(ttl >> 24) };
            return null;
        }

        try
        {
            var data = ReadData(ref reader, type, end, label);
            if (reader.Position != end)
            {
                throw new DnsFormatException($"{label}: {end - reader.Position} bytes left over in the RDATA");
            }

            into.Add(new DnsRecord(name, type, ttl, data, (rawClass & 0x8000) != 0) { Class = (ushort)(rawClass & 0x7FFF) });
            return null;
        }
        catch (DnsFormatException ex)
        {
            reader.Position = end;
            return ex.Message;
        }
    }

    private static DnsRecordData ReadData(ref DnsPacketReader reader, DnsRecordType type, int end, string label)
    {
        var length = end - reader.Position;
        switch (type)
        {
            case DnsRecordType.A or DnsRecordType.AAAA:
                var expected = type == DnsRecordType.A ? 4 : 16;
                if (length != expected)
                {
                    throw new DnsFormatException($"{label}: an address of {length} bytes; {type} holds {expected}");
                }

                return new AddressData(new IPAddress(reader.ReadBytes(length, end, label)));
            case DnsRecordType.SRV:
                var priority = reader.ReadUInt16(end, $"{label}: priority");
                var weight = reader.ReadUInt16(end, $"{label}: weight");
                var port = reader.ReadUInt16(end, $"{label}: port");
                return new SrvData(priority, weight, port, reader.ReadName(end, $"{label}: the target"));
            case DnsRecordType.PTR or DnsRecordType.CNAME or DnsRecordType.NS:
                return new PtrData(reader.ReadName(end, $"{label}: the name"));
            case DnsRecordType.TXT:
                var strings = new List<byte[]>();
                while (reader.Position < end)
                {
                    var size = reader.ReadBytes(1, end, label)[0];
                    strings.Add(reader.ReadBytes(size, end, $"{label}: a {size}-byte string").ToArray());
                }

                return new TxtData(strings);
            case DnsRecordType.SOA:
                var primary = reader.ReadName(end, $"{label}: MNAME");
                var mailbox = reader.ReadName(end, $"{label}: RNAME");
                return new SoaData(primary, mailbox, reader.ReadUInt32(end, $"{label}: SERIAL"), reader.ReadUInt32(end, $"{label}: REFRESH"),
                    reader.ReadUInt32(end, $"{label}: RETRY"), reader.ReadUInt32(end, $"{label}: EXPIRE"), reader.ReadUInt32(end, $"{label}: MINIMUM"));
            default:
                return new UnknownData(reader.ReadBytes(length, end, label).ToArray());
        }
    }

    private struct EdnsState
    {
        public ushort? PayloadSize;
        public int ExtendedRcode;
    }
}
