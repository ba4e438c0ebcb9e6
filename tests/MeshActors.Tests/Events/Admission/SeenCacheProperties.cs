using FsCheck;
using FsCheck.Fluent;
using MeshActors.Events.Admission;
using MeshActors.Events.Envelope;

namespace MeshActors.Tests.Events.Admission;

/// <summary>The seen-cache against a model: a list of the distinct ids added, of which it holds the last <c>capacity</c>.</summary>
public sealed class SeenCacheProperties
{
    private static readonly Gen<(int Capacity, int[] Ids)> Cases =
        from capacity in Gen.Choose(1, 40)
        from count in Gen.Choose(0, 400)
        from ids in Gen.ArrayOf(Gen.Choose(0, 60), count)
        select (capacity, ids);

    [Fact]
    public void Holds_exactly_the_last_capacity_distinct_ids_and_never_more()
    {
        Check.One(PropertySettings.Seeded(seed: 2203, tests: 400), Prop.ForAll(Arb.From(Cases), c =>
        {
            var cache = new SeenCache(c.Capacity);
            var model = new List<int>();
            foreach (var id in c.Ids)
            {
                var added = cache.Add(Id(id));
                var modelHeld = model.Contains(id);
                added.Should().Be(!modelHeld);
                if (!modelHeld)
                {
                    model.Add(id);
                    if (model.Count > c.Capacity)
                    {
                        model.RemoveAt(0);
                    }
                }

                cache.Count.Should().BeLessThanOrEqualTo(cache.Capacity).And.Be(model.Count);
            }

            Enumerable.Range(0, 61).Where(i => cache.Contains(Id(i))).Should().BeEquivalentTo(model);
        }));
    }

    [Fact]
    public void A_million_distinct_ids_leave_the_footprint_unchanged()
    {
        var cache = new SeenCache(1024);
        for (var i = 0; i < 1024; i++)
        {
            cache.Add(Id(i));
        }

        var added = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1024; i < 1_000_000; i++)
        {
            added += cache.Add(Id(i)) ? 1 : 0;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024, "a full cache reuses its slots: a million inserts allocate nothing per insert (the few bytes are the runtime's own)");
        added.Should().Be(1_000_000 - 1024);
        cache.Count.Should().Be(1024);
        cache.Contains(Id(999_999)).Should().BeTrue();
        cache.Contains(Id(1_000_000 - 1025)).Should().BeFalse();
    }

    [Fact]
    public void Capacity_must_be_positive()
    {
        var act = () => new SeenCache(0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static EventId Id(int i) => new((ulong)i * 0x9E3779B97F4A7C15, (ulong)i);
}
