using System.Buffers.Binary;

namespace MeshActors.Events.Envelope;

/// <summary>A cursor over the input that reads nothing past its end.</summary>
internal ref struct EnvelopeReader(ReadOnlySpan<byte> input)
{
    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;

    public readonly int Remaining => _input.Length - _position;

    public bool TryTake(int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count < 0 || count > Remaining)
        {
            return false;
        }

        bytes = _input.Slice(_position, count);
        _position += count;
        return true;
    }

    public bool TryByte(out byte value)
    {
        var ok = TryTake(1, out var b);
        value = ok ? b[0] : (byte)0;
        return ok;
    }

    public bool TryUInt16(out ushort value)
    {
        var ok = TryTake(2, out var b);
        value = ok ? BinaryPrimitives.ReadUInt16BigEndian(b) : (ushort)0;
        return ok;
    }

    public bool TryUInt32(out uint value)
    {
        var ok = TryTake(4, out var b);
        value = ok ? BinaryPrimitives.ReadUInt32BigEndian(b) : 0;
        return ok;
    }

    public bool TryUInt64(out ulong value)
    {
        var ok = TryTake(8, out var b);
        value = ok ? BinaryPrimitives.ReadUInt64BigEndian(b) : 0;
        return ok;
    }
}
