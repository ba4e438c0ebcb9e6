using System.Buffers.Binary;
using System.Diagnostics;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// A publish's payload: its sequence number (4 bytes) and the publisher's
/// <see cref="Stopwatch.GetTimestamp"/> (8 bytes), then seeded filler up to the payload size. All
/// nodes run in one process, so the receiver's clock is the publisher's.
/// </summary>
internal static class PayloadCodec
{
    public const int HeaderBytes = 12;

    public static byte[] Encode(int sequence, int size, Random filler)
    {
        var bytes = new byte[Math.Max(size, HeaderBytes)];
        filler.NextBytes(bytes.AsSpan(HeaderBytes));
        BinaryPrimitives.WriteInt32LittleEndian(bytes, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(4), Stopwatch.GetTimestamp());
        return bytes;
    }

    public static (int Sequence, TimeSpan Latency) Decode(ReadOnlySpan<byte> payload) =>
        (BinaryPrimitives.ReadInt32LittleEndian(payload), Stopwatch.GetElapsedTime(BinaryPrimitives.ReadInt64LittleEndian(payload[4..])));
}
