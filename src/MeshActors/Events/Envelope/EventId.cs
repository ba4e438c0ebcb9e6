using System.Buffers.Binary;
using MeshActors.Randomness;

namespace MeshActors.Events.Envelope;

/// <summary>
/// The 128-bit identity of one published event, drawn from an injected <see cref="IRandomSource"/>:
/// random, so two nodes never need to coordinate, and wide enough that a collision among the events
/// a seen-cache holds is negligible. Written big-endian, <see cref="High"/> first.
/// </summary>
/// <param name="High">The first 64 bits.</param>
/// <param name="Low">The last 64 bits.</param>
public readonly record struct EventId(ulong High, ulong Low)
{
    /// <summary>The encoded size in bytes.</summary>
    public const int Size = 16;

    /// <summary>A fresh id from <paramref name="random"/>.</summary>
    public static EventId New(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new EventId(random.NextUInt64(), random.NextUInt64());
    }

    /// <summary>Reads an id from the first <see cref="Size"/> bytes of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is shorter than <see cref="Size"/>.</exception>
    public static EventId Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[8..]));

    /// <summary>Writes the id into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    /// <summary>32 lowercase hex digits.</summary>
    public override string ToString() => $"{High:x16}{Low:x16}";
}
