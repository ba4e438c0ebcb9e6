using System.Net.Sockets;

namespace MeshActors.Dns;

/// <summary>
/// RFC 1035 messages to and from bytes, with name compression, EDNS0 (RFC 6891) and the mDNS
/// class bits (RFC 6762). <see cref="Decode"/> never throws: hostile packets give an error text.
/// See README.md beside this file for the limits it enforces.
/// </summary>
public static partial class DnsCodec
{
    /// <summary>The fixed header's size.</summary>
    internal const int HeaderLength = 12;

    /// <summary>The largest message: TCP's two-byte length prefix bounds it.</summary>
    public const int MaxMessageLength = ushort.MaxValue;

    /// <summary>Writes <paramref name="message"/> as a packet, compressing owner names and the
    /// names inside NS, CNAME, PTR and SOA data; SRV targets are written whole (RFC 2782).</summary>
    /// <exception cref="ArgumentException">A name is not a valid domain name, a record's data does
    /// not fit its type, a field is out of range, or the message exceeds 65535 bytes.</exception>
    public static byte[] Encode(DnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rcode = (int)message.ResponseCode;
        if (message.Opcode is < 0 or > 15)
        {
            throw new ArgumentException($"opcode {message.Opcode} does not fit in 4 bits", nameof(message));
        }

        if (rcode < 0 || rcode > 0xFFF || (rcode > 15 && message.EdnsUdpPayloadSize is null))
        {
            throw new ArgumentException($"response code {rcode} needs an OPT record (set EdnsUdpPayloadSize) and must be below 4096", nameof(message));
        }

        var additionalCount = message.Additionals.Count + (message.EdnsUdpPayloadSize is null ? 0 : 1);
        CheckCount(message.Questions.Count, "questions");
        CheckCount(message.Answers.Count, "answers");
        CheckCount(message.Authorities.Count, "authority records");
        CheckCount(additionalCount, "additional records");

        var writer = new DnsPacketWriter();
        writer.WriteUInt16(message.Id);
        var flags = (message.IsResponse ? 0x8000 : 0) | (message.Opcode << 11) | (message.Authoritative ? 0x0400 : 0)
            | (message.Truncated ? 0x0200 : 0) | (message.RecursionDesired ? 0x0100 : 0)
            | (message.RecursionAvailable ? 0x0080 : 0) | (rcode & 0xF);
        writer.WriteUInt16((ushort)flags);
        writer.WriteUInt16((ushort)message.Questions.Count);
        writer.WriteUInt16((ushort)message.Answers.Count);
        writer.WriteUInt16((ushort)message.Authorities.Count);
        writer.WriteUInt16((ushort)additionalCount);

        foreach (var question in message.Questions)
        {
            writer.WriteName(question.Name, compress: true);
            writer.WriteUInt16((ushort)question.Type);
            writer.WriteUInt16((ushort)((question.Class & 0x7FFF) | (question.UnicastResponse ? 0x8000 : 0)));
        }

        foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
        {
            WriteRecord(writer, record);
        }

        if (message.EdnsUdpPayloadSize is { } payload)
        {
            writer.WriteName("", compress: false);
            writer.WriteUInt16((ushort)DnsRecordType.OPT);
            writer.WriteUInt16(payload);
            writer.WriteUInt32((uint)(rcode >> 4) << 24);
            writer.WriteUInt16(0);
        }

        if (writer.Length > MaxMessageLength)
        {
            throw new ArgumentException($"the message is {writer.Length} bytes; at most {MaxMessageLength} fit", nameof(message));
        }

        return writer.ToArray();
    }

    private static void CheckCount(int count, string section)
    {
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException($"{count} {section} do not fit in a 16-bit count", nameof(section));
        }
    }

    private static void WriteRecord(DnsPacketWriter writer, DnsRecord record)
    {
        if (record.Type == DnsRecordType.OPT)
        {
            throw new ArgumentException("write EDNS0 through DnsMessage.EdnsUdpPayloadSize, not as an OPT record", nameof(record));
        }

        writer.WriteName(record.Name, compress: true);
        writer.WriteUInt16((ushort)record.Type);
        writer.WriteUInt16((ushort)((record.Class & 0x7FFF) | (record.CacheFlush ? 0x8000 : 0)));
        writer.WriteUInt32(record.Ttl);
        var lengthAt = writer.Length;
        writer.WriteUInt16(0);
        var start = writer.Length;
        WriteData(writer, record);
        var length = writer.Length - start;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException($"the data of {record.Type} record {record.Name} is {length} bytes; at most 65535 fit", nameof(record));
        }

        writer.PatchUInt16(lengthAt, (ushort)length);
    }

    private static void WriteData(DnsPacketWriter writer, DnsRecord record)
    {
        switch (record.Type, record.Data)
        {
            case (DnsRecordType.A, AddressData { Address.AddressFamily: AddressFamily.InterNetwork }):
            case (DnsRecordType.AAAA, AddressData { Address.AddressFamily: AddressFamily.InterNetworkV6 }):
                writer.WriteBytes(((AddressData)record.Data).Address.GetAddressBytes());
                break;
            case (DnsRecordType.SRV, SrvData srv):
                writer.WriteUInt16(srv.Priority);
                writer.WriteUInt16(srv.Weight);
                writer.WriteUInt16(srv.Port);
                writer.WriteName(srv.Target, compress: false);
                break;
            case (DnsRecordType.PTR or DnsRecordType.CNAME or DnsRecordType.NS, PtrData ptr):
                writer.WriteName(ptr.Name, compress: true);
                break;
            case (DnsRecordType.TXT, TxtData txt):
                WriteTxt(writer, record, txt);
                break;
            case (DnsRecordType.SOA, SoaData soa):
                writer.WriteName(soa.PrimaryServer, compress: true);
                writer.WriteName(soa.ResponsibleMailbox, compress: true);
                writer.WriteUInt32(soa.Serial);
                writer.WriteUInt32(soa.Refresh);
                writer.WriteUInt32(soa.Retry);
                writer.WriteUInt32(soa.Expire);
                writer.WriteUInt32(soa.MinimumTtl);
                break;
            case (_, UnknownData unknown):
                writer.WriteBytes(unknown.Bytes);
                break;
            default:
                throw new ArgumentException($"a {record.Type} record ({record.Name}) cannot carry {record.Data.GetType().Name}" +
                    (record.Data is AddressData ? " of that address family" : ""), nameof(record));
        }
    }

    private static void WriteTxt(DnsPacketWriter writer, DnsRecord record, TxtData txt)
    {
        if (txt.Strings.Count == 0)
        {
            writer.WriteBytes([0]);
            return;
        }

        foreach (var s in txt.Strings)
        {
            if (s.Length > 255)
            {
                throw new ArgumentException($"a TXT string of {record.Name} is {s.Length} bytes; at most 255 fit", nameof(record));
            }

            writer.WriteBytes([(byte)s.Length]);
            writer.WriteBytes(s);
        }
    }
}
