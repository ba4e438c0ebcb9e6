using Google.Protobuf;
using MeshActors.Actors;
using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>
/// Random and mutated frames never crash the decoder, never hang it, and never make it allocate
/// more than a small multiple of the input: a frame that claims a 2 GB field must be refused, not
/// obeyed. 100,000 cases here (fixed seed); <c>scripts/fuzz-envelope.sh</c> runs 10,000,000.
/// </summary>
public sealed class EnvelopeFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Limit = 64 * 1024;

    [Fact]
    public void Random_and_mutated_frames_are_decoded_or_refused_within_bounded_allocation()
    {
        var cases = long.TryParse(Environment.GetEnvironmentVariable("MESHACTORS_FUZZ_CASES"), out var n) ? n : 100_000;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("MESHACTORS_FUZZ_SEED"), out var s) ? s : 20261121UL;
        var random = new SeededRandomSource(seed);
        var corpus = Corpus();
        long decoded = 0, refused = 0, worstOverhead = 0;

        for (long i = 0; i < cases; i++)
        {
            var frame = i % 4 == 0 ? RandomBytes(random) : Mutate(corpus[random.Next(corpus.Length)], random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = EnvelopeCodec.Decode(frame, Limit);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            worstOverhead = Math.Max(worstOverhead, allocated - (4L * frame.Length));
            allocated.Should().BeLessThan((4L * frame.Length) + (64 * 1024), $"case {i} (seed {seed}): {Convert.ToHexString(frame.AsSpan(0, Math.Min(64, frame.Length)))}");
            _ = result.IsSuccess ? decoded++ : refused++;
        }

        output.WriteLine($"fuzz: {cases:N0} cases, seed {seed}: {decoded:N0} decoded, {refused:N0} refused, worst allocation above 4x input: {worstOverhead:N0} bytes");
        decoded.Should().BeGreaterThan(cases / 100, "the mutations must leave some frames valid, or the test only exercises rejection");
        refused.Should().BeGreaterThan(cases / 10);
    }

    [Fact]
    public void A_frame_claiming_a_huge_payload_is_refused_without_allocating_it()
    {
        // Field 3 (payload), wire type 2, then a varint length of 2^31 with nothing behind it.
        byte[] frame = [0x08, 0x01, 0x10, 0x01, 0x1A, 0x80, 0x80, 0x80, 0x80, 0x08];
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = EnvelopeCodec.Decode(frame, Limit);

        result.IsSuccess.Should().BeFalse();
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64 * 1024);
    }

    [Fact]
    public void A_frame_over_the_limit_is_refused_before_parsing()
    {
        EnvelopeCodec.Decode(new byte[Limit + 1], Limit).Error.Should().Contain("over the limit");
    }

    private static byte[][] Corpus() =>
    [
        EnvelopeCodec.Encode(new Probe { Sequence = 1 }, EnvelopeKind.OneWay, 0, 1),
        EnvelopeCodec.Encode(new Probe { Sequence = ulong.MaxValue, Padding = ByteString.CopyFrom(new byte[300]) }, EnvelopeKind.Request, 42, 1),
        EnvelopeCodec.Encode(new ProbeReply { Sequence = 7 }, EnvelopeKind.Response, 9, 1),
        new Hello { ClusterId = "c", NodeId = "n", MinProtocolVersion = 1, MaxProtocolVersion = 1 }.ToByteArray(),
    ];

    private static byte[] RandomBytes(IRandomSource random)
    {
        var bytes = new byte[random.Next(256)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] original, IRandomSource random)
    {
        var bytes = new List<byte>(original);
        for (var m = 1 + random.Next(3); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.InsertRange(at, [0xFF, 0xFF, 0xFF, 0xFF, 0x07]);
                    break;
                case 4:
                    bytes.InsertRange(at, bytes.GetRange(0, Math.Min(at, 16)));
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }
}
