using MeshActors.Actors;

namespace MeshActors.Tests.Actors;

public sealed class RandomSourceTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_another_seed_another()
    {
        static ulong[] Draw(ulong seed)
        {
            var r = new SeededRandomSource(seed);
            return Enumerable.Range(0, 100).Select(_ => r.NextUInt64()).ToArray();
        }

        Draw(42).Should().Equal(Draw(42));
        Draw(42).Should().NotIntersectWith(Draw(43));
    }

    [Fact]
    public void Next_is_within_bounds_and_roughly_uniform()
    {
        var r = new SeededRandomSource(9);
        var buckets = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            buckets[r.Next(10)]++;
        }

        // Chi-square with 9 degrees of freedom: 27.9 is the 0.999 quantile.
        var chiSquare = buckets.Sum(b => Math.Pow(b - 10_000, 2) / 10_000);
        chiSquare.Should().BeLessThan(27.9);
    }

    [Fact]
    public void NextDouble_is_in_the_unit_interval_and_split_sources_are_independent()
    {
        var r = new SeededRandomSource(1);
        Enumerable.Range(0, 10_000).Select(_ => r.NextDouble()).Should().OnlyContain(d => d >= 0 && d < 1);
        var a = r.Split();
        var b = r.Split();
        a.NextUInt64().Should().NotBe(b.NextUInt64());
    }
}
