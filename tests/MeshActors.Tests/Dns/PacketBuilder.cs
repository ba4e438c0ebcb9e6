using System.Buffers.Binary;
using System.Text;

namespace MeshActors.Tests.Dns;

/// <summary>Builds packets byte by byte, including broken ones the codec would never write.</summary>
internal sealed class PacketBuilder
{
    private readonly List<byte> bytes = [];

    public int Length => bytes.Count;

    public static PacketBuilder Header(ushort id = 0x1234, ushort flags = 0x8180, ushort qd = 0, ushort an = 0, ushort ns = 0, ushort ar = 0) =>
        new PacketBuilder().U16(id).U16(flags).U16(qd).U16(an).U16(ns).U16(ar);

    public PacketBuilder U16(int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        bytes.AddRange(b.ToArray());
        return this;
    }

    public PacketBuilder U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        bytes.AddRange(b.ToArray());
        return this;
    }

    public PacketBuilder Raw(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    /// <summary>Labels followed by the root, uncompressed.</summary>
    public PacketBuilder Name(string dotted)
    {
        foreach (var label in dotted.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return this;
    }

    public PacketBuilder Label(string label)
    {
        bytes.Add((byte)label.Length);
        bytes.AddRange(Encoding.ASCII.GetBytes(label));
        return this;
    }

    public PacketBuilder Pointer(int offset) => Raw((byte)(0xC0 | (offset >> 8)), (byte)offset);

    public PacketBuilder Question(string name, int type = 1) => Name(name).U16(type).U16(1);

    /// <summary>A record header up to and including RDLENGTH.</summary>
    public PacketBuilder RecordHeader(string name, int type, int rdlength, int @class = 1, uint ttl = 60) =>
        Name(name).U16(type).U16(@class).U32(ttl).U16(rdlength);

    public byte[] Build() => [.. bytes];
}
