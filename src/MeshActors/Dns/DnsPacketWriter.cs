using System.Buffers.Binary;

namespace MeshActors.Dns;

/// <summary>Builds a packet, compressing each name against the suffixes already written
/// (RFC 1035 §4.1.4), compared case-insensitively.</summary>
internal sealed class DnsPacketWriter
{
    private const int MaxPointerTarget = 0x3FFF;

    private readonly Dictionary<string, int> suffixes = new(StringComparer.Ordinal);
    private byte[] buffer = new byte[512];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Appends a big-endian 16-bit value.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Grow(2), value);
    }

    /// <summary>Appends a big-endian 32-bit value.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);
    }

    /// <summary>Appends bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(bytes.Length));
    }

    /// <summary>Overwrites a 16-bit value written earlier (a count or an RDLENGTH).</summary>
    public void PatchUInt16(int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(offset, 2), value);
    }

    /// <summary>Appends a name; with <paramref name="compress"/>, its longest suffix already in the
    /// packet becomes a pointer. Either way its suffixes become targets for later names.</summary>
    /// <exception cref="ArgumentException">The name is not a valid domain name.</exception>
    public void WriteName(string name, bool compress)
    {
        var labels = DnsName.ParseLabels(name);
        for (var i = 0; i < labels.Count; i++)
        {
            var key = SuffixKey(labels, i);
            if (compress && suffixes.TryGetValue(key, out var offset))
            {
                WriteUInt16((ushort)(0xC000 | offset));
                return;
            }

            if (Length <= MaxPointerTarget)
            {
                suffixes.TryAdd(key, Length);
            }

            Grow(1)[0] = (byte)labels[i].Length;
            WriteBytes(labels[i]);
        }

        Grow(1)[0] = 0;
    }

    /// <summary>The packet.</summary>
    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    private static string SuffixKey(List<byte[]> labels, int from)
    {
        var chars = new List<char>();
        for (var i = from; i < labels.Count; i++)
        {
            chars.Add((char)labels[i].Length);
            foreach (var b in labels[i])
            {
                chars.Add((char)DnsName.ToLowerAscii(b));
            }
        }

        return new string([.. chars]);
    }

    private Span<byte> Grow(int count)
    {
        if (Length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        }

        var span = buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
