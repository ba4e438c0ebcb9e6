using System.Buffers.Binary;
using System.Diagnostics;
using MeshActors.Events.Envelope;
using MeshActors.Randomness;
using Xunit.Abstractions;

namespace MeshActors.Tests.Events.Envelope;

/// <summary>
/// 100,000 seeded inputs through <see cref="MeshEventCodec.Decode"/>: valid envelopes, random bytes,
/// and valid envelopes mutated (bit flips, byte overwrites, truncation, insertion, deletion, runs of
/// zeros, length fields set to extremes). Decode must never throw, must allocate no more than the input's size plus
/// a small constant (so no length field makes it allocate past the caps), and anything it accepts must
/// be within the caps and re-encode to exactly the input (one encoding per event).
/// </summary>
public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    public const int Cases = 100_000;

    /// <summary>Strings, the event, its two arrays and a failure's detail: well under this.</summary>
    private const long AllocationSlack = 4096;

    private static readonly EnvelopeLimits Limits = new(MaxPayloadBytes: 4096);

    [Fact]
    public void Decode_survives_random_and_mutated_input()
    {
        var random = new SeededRandomSource(20261202);
        var failures = new Dictionary<DecodeFailure, int>();
        var largestOverInput = long.MinValue;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var roll = random.Next(100);
            var input = roll < 10 ? Valid(random) : roll < 35 ? Noise(random) : Mutate(Valid(random), random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            DecodeResult result;
            try
            {
                result = MeshEventCodec.Decode(input, Limits);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: Decode threw {ex.GetType().Name} for {Convert.ToHexString(input)}: {ex}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            largestOverInput = Math.Max(largestOverInput, allocated - input.Length);
            allocated.Should().BeLessThanOrEqualTo(input.Length + AllocationSlack, $"case {i} allocates at most its input plus slack");
            failures[result.Failure] = failures.GetValueOrDefault(result.Failure) + 1;
            if (result.Succeeded)
            {
                result.Event.Payload.Length.Should().BeLessThanOrEqualTo(Limits.MaxPayloadBytes);
                result.Event.Signature.Length.Should().BeInRange(1, EnvelopeLimits.MaxSignatureBytes);
                MeshEventCodec.Encode(result.Event, Limits).Should().Equal(input, $"case {i} is accepted, so it is the one encoding of its event");
            }
            else if (roll < 10)
            {
                throw new Xunit.Sdk.XunitException($"case {i}: a valid envelope was refused: {result.Failure} {result.Detail}");
            }
        }

        output.WriteLine($"{Cases:N0} cases in {clock.Elapsed.TotalMilliseconds:N0} ms; largest allocation beyond the input {largestOverInput} bytes");
        foreach (var (failure, count) in failures.OrderBy(f => f.Key))
        {
            output.WriteLine($"{failure,-20} {count,7:N0}");
        }

        failures.Keys.Should().Contain(Enum.GetValues<DecodeFailure>().Where(f => f != DecodeFailure.EnvelopeTooLarge),
            "the mutations reach every check of the decoder");
    }

    [Fact]
    public void Oversized_input_is_refused_before_it_is_read()
    {
        var input = new byte[Limits.MaxEnvelopeBytes + 1];
        var before = GC.GetAllocatedBytesForCurrentThread();
        MeshEventCodec.Decode(input, Limits).Failure.Should().Be(DecodeFailure.EnvelopeTooLarge);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(AllocationSlack);
    }

    private static byte[] Valid(IRandomSource random)
    {
        var payload = new byte[random.Next(8) == 0 ? Limits.MaxPayloadBytes - random.Next(3) : random.Next(300)];
        random.NextBytes(payload);
        var signature = new byte[random.Next(2) == 0 ? 64 : 1 + random.Next(EnvelopeLimits.MaxSignatureBytes)];
        random.NextBytes(signature);
        var @event = new MeshEvent(
            EventId.New(random),
            Identifier(random, 1 + random.Next(64)),
            random.NextUInt64(),
            1 + (random.NextUInt64() >> 1),
            DateTimeOffset.FromUnixTimeMilliseconds(random.Next(int.MaxValue) * 1000L + random.Next(1000)),
            Topic(random),
            payload,
            random.Next(2) == 0 ? SignatureAlgorithm.EcdsaSha256 : SignatureAlgorithm.RsaPssSha256,
            signature);
        return MeshEventCodec.Encode(@event, Limits);
    }

    private static byte[] Noise(IRandomSource random)
    {
        var bytes = new byte[random.Next(200)];
        random.NextBytes(bytes);
        if (bytes.Length >= 4 && random.Next(2) == 0)
        {
            "ME\u0001\0"u8.CopyTo(bytes);
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
                case 6:
                    list.RemoveRange(at, Math.Min(list.Count - at, 8));
                    list.InsertRange(at, new byte[8]);
                    break;
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
                default:
                    OverwriteLength(list, random);
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>Sets one of the length fields (source, topic, payload, signature) of a still-parseable prefix to an extreme.</summary>
    private static void OverwriteLength(List<byte> list, IRandomSource random)
    {
        var bytes = list.ToArray();
        if (bytes.Length < 46)
        {
            return;
        }

        var topicAt = 45 + bytes[44];
        var payloadAt = topicAt + 1 + (topicAt < bytes.Length ? bytes[topicAt] : 0);
        var signatureAt = payloadAt + 5 + (payloadAt + 4 <= bytes.Length ? (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(payloadAt)), int.MaxValue / 2) : 0);
        uint[] extremes = [0, 1, 255, 256, 65_535, 65_536, (uint)Limits.MaxPayloadBytes, (uint)Limits.MaxPayloadBytes + 1, int.MaxValue, uint.MaxValue];
        var value = extremes[random.Next(extremes.Length)];
        switch (random.Next(4))
        {
            case 0:
                list[44] = (byte)value;
                break;
            case 1 when topicAt < list.Count:
                list[topicAt] = (byte)value;
                break;
            case 2 when payloadAt + 4 <= list.Count:
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(payloadAt), value);
                list.Clear();
                list.AddRange(bytes);
                break;
            case 3 when signatureAt + 2 <= list.Count:
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(signatureAt), (ushort)Math.Min(value, ushort.MaxValue));
                list.Clear();
                list.AddRange(bytes);
                break;
        }
    }

    private static string Identifier(IRandomSource random, int length)
    {
        const string first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string rest = first + "-_.";
        return new string([.. Enumerable.Range(0, length).Select(i => i == 0 ? first[random.Next(first.Length)] : rest[random.Next(rest.Length)])]);
    }

    private static string Topic(IRandomSource random)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyz0123456789-_";
        var segments = Enumerable.Range(0, 1 + random.Next(5))
            .Select(_ => new string([.. Enumerable.Range(0, 1 + random.Next(12)).Select(_ => chars[random.Next(chars.Length)])]));
        return string.Join('.', segments);
    }
}
