using MeshActors.Views;

namespace MeshActors.Tests.Views;

public sealed class PeerSetTests
{
    [Fact]
    public void Add_and_remove_return_new_sets_and_leave_the_original_unchanged()
    {
        var empty = PeerSet<int>.Empty(3);
        var one = empty.Add(7);
        var two = one.Add(8).Add(7);

        empty.Should().BeEmpty();
        one.Should().Equal(7);
        two.Should().Equal(7, 8);
        two.Remove(7).Should().Equal(8);
        two.Remove(9).Should().BeSameAs(two);
    }

    [Fact]
    public void Adding_to_a_full_set_is_an_error_not_a_silent_eviction()
    {
        var full = PeerSet<int>.Empty(2).Add(1).Add(2);

        full.IsFull.Should().BeTrue();
        full.Add(2).Should().BeSameAs(full);
        full.Invoking(s => s.Add(3)).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 1, 2, new[] { 3 })]
    [InlineData(new[] { 1, 2 }, 1, 2, new int[0])]
    [InlineData(new[] { 1 }, 5, 5, new[] { 1 })]
    [InlineData(new int[0], 1, 1, new int[0])]
    public void TryPickRandom_never_picks_an_excluded_peer(int[] members, int exceptA, int exceptB, int[] possible)
    {
        var set = members.Aggregate(PeerSet<int>.Empty(10), (s, p) => s.Add(p));
        var random = ViewStates.Random();
        for (var i = 0; i < 50; i++)
        {
            var found = set.TryPickRandom(random, exceptA, exceptB, out var peer);
            found.Should().Be(possible.Length > 0);
            if (found)
            {
                possible.Should().Contain(peer);
            }
        }
    }

    [Fact]
    public void Sample_returns_distinct_members_up_to_the_count()
    {
        var set = Enumerable.Range(0, 10).Aggregate(PeerSet<int>.Empty(10), (s, p) => s.Add(p));

        var sample = set.Sample(ViewStates.Random(), 4);

        sample.Should().HaveCount(4).And.OnlyHaveUniqueItems().And.OnlyContain(p => set.Contains(p));
        set.Sample(ViewStates.Random(), 20).Should().BeEquivalentTo(set);
    }
}
