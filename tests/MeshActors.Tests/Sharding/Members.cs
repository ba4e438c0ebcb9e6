using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

/// <summary>Member lists for the placement tests.</summary>
internal static class Members
{
    public static IShardPlacementStrategy Strategy(string name) => ShardPlacementStrategies.Find(name)!;

    /// <summary><paramref name="count"/> plain members, ids <c>{prefix}-0 … {prefix}-(count−1)</c>.</summary>
    public static List<ShardMember> Plain(int count, string prefix = "node") =>
        Enumerable.Range(0, count).Select(i => ShardMember.Plain($"{prefix}-{i}")).ToList();

    public static ShardAssignment Assign(string strategy, ShardNamespace ns, IEnumerable<ShardMember> members) =>
        Strategy(strategy).Prepare(ns, members).AssignAll();

    /// <summary>The same list in an order fixed by <paramref name="seed"/>.</summary>
    public static List<ShardMember> Shuffled(IEnumerable<ShardMember> members, int seed)
    {
        var list = members.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
