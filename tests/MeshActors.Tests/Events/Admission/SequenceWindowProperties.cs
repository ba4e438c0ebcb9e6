using FsCheck;
using FsCheck.Fluent;
using MeshActors.Events.Admission;

namespace MeshActors.Tests.Events.Admission;

/// <summary>The anti-replay window against a model that remembers every pair ever accepted.</summary>
public sealed class SequenceWindowProperties
{
    private static readonly Gen<(ulong Incarnation, ulong Sequence)[]> Streams =
        from count in Gen.Choose(1, 300)
        from pairs in Gen.ArrayOf(
            from incarnation in Gen.Frequency((12, Gen.Constant(5UL)), (1, Gen.Choose(3, 7).Select(i => (ulong)i)))
            from sequence in Gen.Frequency((6, Gen.Choose(1, 150)), (1, Gen.Choose(1, 100_000)))
            select (incarnation, (ulong)sequence), count)
        select pairs;

    [Fact]
    public void Never_accepts_a_pair_twice_and_accepts_every_new_pair_inside_the_window()
    {
        Check.One(PropertySettings.Seeded(seed: 3307, tests: 500), Prop.ForAll(Arb.From(Streams), stream =>
        {
            var window = default(SequenceWindow);
            var accepted = new HashSet<(ulong, ulong)>();
            foreach (var (incarnation, sequence) in stream)
            {
                var verdict = window.Check(incarnation, sequence);
                if (accepted.Contains((incarnation, sequence)))
                {
                    verdict.Should().NotBe(SequenceVerdict.Fresh, $"({incarnation}, {sequence}) was accepted before");
                }

                var expected =
                    incarnation < window.Incarnation ? SequenceVerdict.StaleIncarnation
                    : incarnation > window.Incarnation || sequence > window.Highest ? SequenceVerdict.Fresh
                    : window.Highest - sequence >= SequenceWindow.Width ? SequenceVerdict.BehindWindow
                    : accepted.Contains((incarnation, sequence)) ? SequenceVerdict.AlreadySeen
                    : SequenceVerdict.Fresh;
                verdict.Should().Be(expected);
                if (verdict == SequenceVerdict.Fresh)
                {
                    window = window.Accept(incarnation, sequence);
                    accepted.Add((incarnation, sequence));
                }
            }
        }));
    }

    [Fact]
    public void Out_of_order_arrival_within_the_window_is_accepted()
    {
        var window = default(SequenceWindow).Accept(1, 10).Accept(1, 8).Accept(1, 9).Accept(1, 74);
        window.Check(1, 11).Should().Be(SequenceVerdict.Fresh);
        window.Check(1, 10).Should().Be(SequenceVerdict.BehindWindow, "74 − 10 = 64, outside the window");
        window.Check(1, 74).Should().Be(SequenceVerdict.AlreadySeen);
        window.Check(0, 500).Should().Be(SequenceVerdict.StaleIncarnation);
        window.Check(2, 1).Should().Be(SequenceVerdict.Fresh);
        var act = () => window.Accept(1, 74);
        act.Should().Throw<ArgumentException>().WithMessage("(1, 74) is AlreadySeen, not fresh*");
    }
}
