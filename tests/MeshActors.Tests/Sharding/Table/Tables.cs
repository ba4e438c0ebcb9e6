using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

/// <summary>Tables and planner runs for the shard-table tests.</summary>
internal static class Tables
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly RebalanceGuardrails Unlimited = new(int.MaxValue, TimeSpan.Zero);

    public static ShardPlanner Planner(string strategy, int shards, RebalanceGuardrails? guardrails = null, string ns = "orders") =>
        new(new ShardNamespace(ns, shards), Members.Strategy(strategy), guardrails ?? Unlimited);

    /// <summary>Runs the planner until it has nothing to change, the clock advancing by the cooldown (at least 1 s) per step.</summary>
    public static (ShardTable Table, List<ShardTableDiff> Diffs, DateTimeOffset Now) Converge(
        ShardPlanner planner, ShardTable table, ShardMembership membership, DateTimeOffset now, long token = 1, int maxSteps = 100_000)
    {
        var diffs = new List<ShardTableDiff>();
        var step = planner.Guardrails.Cooldown > TimeSpan.FromSeconds(1) ? planner.Guardrails.Cooldown : TimeSpan.FromSeconds(1);
        for (var i = 0; i < maxSteps; i++)
        {
            var change = planner.Next(table, membership, token, "leader", now);
            if (change is null)
            {
                return (table, diffs, now);
            }

            diffs.Add(change.Diff);
            table = change.Table;
            now += step;
        }

        throw new InvalidOperationException($"the planner did not converge in {maxSteps} steps");
    }

    /// <summary>The converged table over <paramref name="members"/>, from unassigned.</summary>
    public static ShardTable Settled(ShardPlanner planner, IEnumerable<ShardMember> members) =>
        Converge(planner, ShardTable.Unassigned(planner.Namespace.Name, planner.Namespace.ShardCount), ShardMembership.Of(members), Start).Table;

    public static ShardMembership With(IEnumerable<ShardMember> members, IEnumerable<string>? cordoned = null, IEnumerable<string>? unreachable = null) =>
        new(members.ToList(), (cordoned ?? []).ToHashSet(StringComparer.Ordinal), (unreachable ?? []).ToHashSet(StringComparer.Ordinal));

    /// <summary>Shards whose owner differs between two tables of one namespace.</summary>
    public static int OwnersChanged(ShardTable before, ShardTable after) =>
        Enumerable.Range(0, before.ShardCount).Count(s => before.OwnerOf(s) != after.OwnerOf(s));
}
