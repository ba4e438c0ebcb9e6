using System.Diagnostics;
using MeshActors.Randomness;
using MeshActors.Views.Wire;
using Xunit.Abstractions;

namespace MeshActors.Tests.Views.Wire;

/// <summary>
/// 100,000 seeded inputs through <see cref="OverlayCodec.Decode"/>: valid messages, random bytes,
/// and valid messages mutated (bit flips, byte overwrites, truncation, insertion, deletion, runs of
/// zeros, a count byte set to an extreme). Decode must never throw, must allocate no more than a
/// small multiple of the input (strings are UTF-16, twice the wire's ASCII) plus a constant, and
/// anything it accepts must re-encode to exactly the input.
/// </summary>
public sealed class OverlayDecoderFuzzTests(ITestOutputHelper output)
{
    public const int Cases = 100_000;

    /// <summary>The result, the message, the arrays and a failure's detail: well under this.</summary>
    private const long AllocationSlack = 4096;

    [Fact]
    public void Decode_survives_random_and_mutated_input()
    {
        var random = new SeededRandomSource(20261202);
        var failures = new Dictionary<OverlayDecodeFailure, int>();
        var largestRatio = 0.0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var roll = random.Next(100);
            var input = roll < 10 ? Valid(random) : roll < 30 ? Noise(random) : Mutate(Valid(random), random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            OverlayDecodeResult result;
            try
            {
                result = OverlayCodec.Decode(input);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: Decode threw {ex.GetType().Name} for {Convert.ToHexString(input)}: {ex}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            largestRatio = Math.Max(largestRatio, (allocated - AllocationSlack) / (double)Math.Max(1, input.Length));
            if (allocated > (4 * input.Length) + AllocationSlack)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: {allocated} bytes allocated for {input.Length} bytes of input");
            }

            failures[result.Failure] = failures.GetValueOrDefault(result.Failure) + 1;
            if (result.Succeeded)
            {
                var again = OverlayCodec.Encode(result.Message);
                if (!again.AsSpan().SequenceEqual(input))
                {
                    throw new Xunit.Sdk.XunitException($"case {i}: accepted {Convert.ToHexString(input)} but it re-encodes to {Convert.ToHexString(again)}");
                }
            }
            else if (roll < 10)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: a valid message was refused: {result.Failure} {result.Detail}");
            }
        }

        output.WriteLine($"{Cases:N0} cases in {clock.Elapsed.TotalMilliseconds:N0} ms; largest allocation beyond the slack {largestRatio:F2} x the input");
        foreach (var (failure, count) in failures.OrderBy(f => f.Key))
        {
            output.WriteLine($"{failure,-20} {count,7:N0}");
        }

        failures.Keys.Should().Contain(Enum.GetValues<OverlayDecodeFailure>().Where(f => f != OverlayDecodeFailure.Oversized),
            "the mutations reach every check of the decoder");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the fuzz runs in every CI build");
    }

    private static byte[] Valid(IRandomSource random) => OverlayCodec.Encode(OverlayMessages.Random(random));

    private static byte[] Noise(IRandomSource random)
    {
        var bytes = new byte[random.Next(200)];
        random.NextBytes(bytes);
        if (bytes.Length >= 2 && random.Next(2) == 0)
        {
            bytes[0] = OverlayCodec.Version;
            bytes[1] = (byte)Enum.GetValues<OverlayWireKind>()[random.Next(12)];
        }

        return bytes;
    }

    private static byte[] Mutate(byte[] bytes, IRandomSource random)
    {
        var list = new List<byte>(bytes);
        for (var n = 1 + random.Next(3); n > 0 && list.Count > 0; n--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(8))
            {
                case 0:
                    list[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    list[at] = (byte)random.Next(256);
                    break;
                case 2:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 3:
                    list.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    list.RemoveRange(at, Math.Min(list.Count - at, 1 + random.Next(8)));
                    break;
                case 5:
                    list.RemoveRange(at, Math.Min(list.Count - at, 8));
                    list.InsertRange(at, new byte[8]);
                    break;
                case 6:
                    OverwriteCount(list, random);
                    break;
                default:
                    list.AddRange(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (byte)random.Next(256)));
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>Sets the count byte of a shuffle, shuffle reply or PEX response to an extreme.</summary>
    private static void OverwriteCount(List<byte> list, IRandomSource random)
    {
        var bytes = list.ToArray();
        if (bytes.Length < 4)
        {
            return;
        }

        var at = 2 + 1 + bytes[2];
        at = at < bytes.Length ? at + 1 + bytes[at] : int.MaxValue - 1;
        at = (OverlayWireKind)bytes[1] switch
        {
            OverlayWireKind.ShuffleReply => at,
            OverlayWireKind.PexResponse => at + 1,
            OverlayWireKind.Shuffle when at < bytes.Length => at + 1 + bytes[at] is var a && a < bytes.Length ? a + 1 + bytes[a] + 4 : int.MaxValue,
            _ => int.MaxValue,
        };
        byte[] extremes = [0, 1, 63, 64, 65, 127, 128, 255];
        if (at >= 0 && at < list.Count)
        {
            list[at] = extremes[random.Next(extremes.Length)];
        }

    }
}
