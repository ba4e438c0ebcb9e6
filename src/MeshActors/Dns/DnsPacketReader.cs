using System.Buffers.Binary;
using System.Text;

namespace MeshActors.Dns;

/// <summary>
/// Reads the parts of a packet with every length checked against the packet (or the RDATA) it
/// sits in. Compression pointers must point strictly before the labels that hold them, to the
/// start of an earlier run of labels, so following them always ends; names stop at 255 bytes.
/// Violations throw <see cref="DnsFormatException"/>.
/// </summary>
internal ref struct DnsPacketReader(ReadOnlySpan<byte> packet, int position)
{
    private readonly ReadOnlySpan<byte> packet = packet;

    /// <summary>The offset of the next byte to read.</summary>
    public int Position { get; set; } = position;

    /// <summary>The packet's length.</summary>
    public readonly int Length => packet.Length;

    /// <summary>Reads a big-endian 16-bit value that must end by <paramref name="limit"/>.</summary>
    public ushort ReadUInt16(int limit, string what)
    {
        Need(2, limit, what);
        var value = BinaryPrimitives.ReadUInt16BigEndian(packet[Position..]);
        Position += 2;
        return value;
    }

    /// <summary>Reads a big-endian 32-bit value that must end by <paramref name="limit"/>.</summary>
    public uint ReadUInt32(int limit, string what)
    {
        Need(4, limit, what);
        var value = BinaryPrimitives.ReadUInt32BigEndian(packet[Position..]);
        Position += 4;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> bytes that must end by <paramref name="limit"/>.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count, int limit, string what)
    {
        Need(count, limit, what);
        var bytes = packet.Slice(Position, count);
        Position += count;
        return bytes;
    }

    /// <summary>Reads a possibly compressed name whose uncompressed part must end by <paramref name="limit"/>.</summary>
    public string ReadName(int limit, string what)
    {
        var text = new StringBuilder();
        var at = Position;
        var runStart = at;
        var jumped = false;
        var wireLength = 1;
        while (true)
        {
            var bound = jumped ? packet.Length : limit;
            if (at >= bound)
            {
                throw new DnsFormatException($"{what} runs past the end of {(jumped ? "the packet" : Region(limit))} at byte {at}");
            }

            var length = packet[at];
            if (length == 0)
            {
                if (!jumped)
                {
                    Position = at + 1;
                }

                return text.ToString();
            }

            switch (length & 0xC0)
            {
                case 0xC0:
                    if (at + 1 >= bound)
                    {
                        throw new DnsFormatException($"{what} has a compression pointer cut off at byte {at}");
                    }

                    var target = ((length & 0x3F) << 8) | packet[at + 1];
                    if (target >= runStart)
                    {
                        throw new DnsFormatException($"{what} has a compression pointer at byte {at} to byte {target}, which is not before the labels that hold it (a loop or a forward pointer)");
                    }

                    if (target < DnsCodec.HeaderLength)
                    {
                        throw new DnsFormatException($"{what} has a compression pointer at byte {at} into the header (byte {target})");
                    }

                    if (!jumped)
                    {
                        Position = at + 2;
                        jumped = true;
                    }

                    at = target;
                    runStart = target;
                    break;

                case 0x00:
                    if (at + 1 + length > bound)
                    {
                        throw new DnsFormatException($"{what} has a {length}-byte label at byte {at} that runs past the end of {(jumped ? "the packet" : Region(limit))}");
                    }

                    wireLength += 1 + length;
                    if (wireLength > DnsName.MaxWireLength)
                    {
                        throw new DnsFormatException($"{what} is longer than {DnsName.MaxWireLength} bytes");
                    }

                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    DnsName.AppendLabel(text, packet.Slice(at + 1, length));
                    at += 1 + length;
                    break;

                default:
                    throw new DnsFormatException($"{what} has a label of unsupported type 0x{length & 0xC0:x2} at byte {at}");
            }
        }
    }

    private readonly void Need(int count, int limit, string what)
    {
        if (count < 0 || Position + count > limit)
        {
            throw new DnsFormatException($"{what} needs {count} bytes at byte {Position} but {Region(limit)} ends at byte {limit}");
        }
    }

    private readonly string Region(int limit) => limit == packet.Length ? $"the {packet.Length}-byte packet" : "the RDATA";
}
