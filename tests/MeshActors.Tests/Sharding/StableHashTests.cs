using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Fnv1a64_matches_the_published_test_vectors(string text, ulong expected) =>
        StableHash.Fnv1a64(System.Text.Encoding.UTF8.GetBytes(text)).Should().Be(expected);

    [Fact]
    public void Fmix64_is_murmur3s_finaliser() =>
        StableHash.Fmix64(1).Should().Be(0xb456bcfc34c2cb2cUL);

    [Fact]
    public void ToUnitInterval_stays_inside_the_open_interval()
    {
        StableHash.ToUnitInterval(0).Should().BeGreaterThan(0);
        StableHash.ToUnitInterval(ulong.MaxValue).Should().BeLessThan(1);
    }

    /// <summary>Pinned owners (computed by an independent Python transcription of the documented arithmetic): a change to the hash or to a strategy's arithmetic moves shards between versions, and must fail here first.</summary>
    [Theory]
    [InlineData("rendezvous", PinnedRendezvous)]
    [InlineData("ring", PinnedRing)]
    [InlineData("locality", PinnedRendezvous)]
    public void Placement_of_a_fixed_input_is_pinned(string strategy, string expected)
    {
        var members = Members.Plain(5).Select((m, i) => m with { Capacity = i == 4 ? 200 : 100 });
        var assignment = Members.Assign(strategy, new ShardNamespace("orders", 16), members);

        string.Join(",", Enumerable.Range(0, 16).Select(s => assignment[s][^1..])).Should().Be(expected);
    }

    private const string PinnedRendezvous = "4,4,3,4,3,0,0,3,2,3,3,1,3,1,4,4";
    private const string PinnedRing = "4,2,0,3,4,1,0,4,4,3,4,2,0,1,4,4";
}
