using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

public sealed class ShardQuotasTests
{
    private static ShardMember M(string id, int capacity = 100) => ShardMember.Plain(id) with { Capacity = capacity };

    public static TheoryData<int, int[], int[], int[]> Cases => new()
    {
        // shards, capacities, current loads, quotas
        { 10, [100, 100, 100], [0, 0, 0], [4, 3, 3] },          // equal remainders, equal loads: lower id first
        { 10, [100, 100, 100], [3, 3, 4], [3, 3, 4] },          // equal remainders: the owner holding more keeps the extra shard
        { 10, [300, 100], [0, 0], [8, 2] },                     // 7.5 and 2.5: equal remainders, lower id
        { 1000, [100, 200, 300], [0, 0, 0], [167, 333, 500] },  // 166.67, 333.33, 500: the largest remainder gets the extra shard
        { 3, [100, 100, 100, 100, 100], [1, 0, 1, 0, 1], [1, 0, 1, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quotas_are_largest_remainder_apportionment_sticky_to_current_loads(int shards, int[] capacities, int[] loads, int[] quotas)
    {
        var owners = capacities.Select((c, i) => M($"n{i}", c)).ToList();

        ShardQuotas.Quotas(shards, owners, loads).Should().Equal(quotas);
        quotas.Sum().Should().Be(shards);
    }

    [Fact]
    public void Balance_keeps_shards_in_place_and_moves_the_excess_to_the_strategys_owner_when_it_has_room()
    {
        var owners = new List<ShardMember> { M("a"), M("b") };
        var preferred = new ShardAssignment("orders", ["b", "a", "b", "a"]);

        ShardQuotas.Balance(preferred, ["a", "a", "a", "a"], owners).Should().Equal("b", "a", "b", "a");
        ShardQuotas.Balance(preferred, ["a", "b", null, null], owners).Should().Equal("a", "b", "b", "a");
        // Shard 3 must move; it prefers a, which is full, so it goes to b; a gives up one shard, one b prefers:
        // one live shard moves, not two.
        ShardQuotas.Balance(preferred, ["a", "a", "a", null], owners).Should().Equal("b", "a", "a", "b");
    }
}
