using FsCheck;
using FsCheck.Fluent;
using MeshActors.Dns;
using Microsoft.FSharp.Core;

namespace MeshActors.Tests.Dns;

/// <summary>Random bytes and mutated captures never make the decoder throw, and whatever it
/// decodes encodes again to the same message. Fixed seeds keep runs repeatable.</summary>
public sealed class DnsCodecProperties
{
    [Fact]
    public void Random_bytes_decode_or_fail_cleanly_and_what_decodes_round_trips()
    {
        var packets = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

        Check.One(Settings(seed: 1035, tests: 20_000), Prop.ForAll(Arb.From(packets), DecodesCleanlyAndRoundTrips));
    }

    [Fact]
    public void Mutations_of_the_captured_reply_decode_or_fail_cleanly()
    {
        var original = DnsFixtures.SrvReply;
        var mutations = Gen.Choose(0, int.MaxValue).ArrayOf().Select(choices => Mutate(original, choices));
        var decodedSome = 0;

        Check.One(Settings(seed: 2782, tests: 20_000), Prop.ForAll(Arb.From(mutations), packet =>
        {
            var ok = DecodesCleanlyAndRoundTrips(packet);
            decodedSome += DnsCodec.Decode(packet).Message?.Answers.Count > 0 ? 1 : 0;
            return ok;
        }));

        decodedSome.Should().BeGreaterThan(1_000, "mutations must also reach the record decoders");
    }

    [Fact]
    public void Valid_messages_round_trip()
    {
        var messages = Gen.Choose(0, int.MaxValue).ArrayOf().Select(RandomDnsMessages.Build);

        Check.One(Settings(seed: 6762, tests: 5_000), Prop.ForAll(Arb.From(messages), message =>
        {
            var result = DnsCodec.Decode(DnsCodec.Encode(message));
            result.Error.Should().BeNull();
            result.Message.Should().BeEquivalentTo(message, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        }));
    }

    private static bool DecodesCleanlyAndRoundTrips(byte[] packet)
    {
        var result = DnsCodec.Decode(packet);
        if (result.Message is null)
        {
            return result.Error is not null;
        }

        var again = DnsCodec.Decode(DnsCodec.Encode(result.Message));
        again.Error.Should().BeNull();
        again.Message.Should().BeEquivalentTo(result.Message, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        return true;
    }

    private static byte[] Mutate(byte[] original, int[] choices)
    {
        var bytes = original.ToList();
        for (var i = 0; i + 1 < choices.Length && bytes.Count > 0; i += 2)
        {
            var at = choices[i + 1] % bytes.Count;
            switch (choices[i] % 4)
            {
                case 0:
                    bytes[at] = (byte)choices[i + 1];
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << (choices[i + 1] % 8));
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.Insert(at, (byte)(choices[i + 1] >> 8));
                    break;
            }
        }

        return [.. bytes];
    }

    private static Config Settings(ulong seed, int tests) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
}
