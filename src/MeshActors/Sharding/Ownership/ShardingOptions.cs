using MeshActors.Configuration;

namespace MeshActors.Sharding.Ownership;

/// <summary>
/// <c>meshactors.sharding</c>: the namespaces whose shard tables the leader of
/// <see cref="LeaderScope"/> keeps, and the limits it moves shards within. Every setting is
/// documented in <c>hocon/reference.conf</c>.
/// </summary>
public sealed record ShardingOptions
{
    /// <summary><c>namespaces</c>: each namespace by name; none = no shard tables.</summary>
    public IReadOnlyList<ShardNamespaceOptions> Namespaces { get; init; } = [];

    /// <summary><c>leader-scope</c>: the leadership scope whose leader writes the tables.</summary>
    public string LeaderScope { get; init; } = Leadership.Election.LeadershipOptions.GlobalScope;

    /// <summary><c>max-parallel-moves</c>: shards moving gracefully at once, per namespace.</summary>
    public int MaxParallelMoves { get; init; } = 16;

    /// <summary><c>cooldown</c>: how long a batch of graceful moves is given before the next starts.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>unreachable-after</c>: how long a member may be unreachable before its shards are reassigned.</summary>
    public TimeSpan UnreachableAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>plan-interval</c>: how often the leader compares the table with the members.</summary>
    public TimeSpan PlanInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>sync-interval</c>: how often every node reads the latest table from the store, to catch up on a change it missed.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>require-approval</c>: graceful rebalancing waits for an approved plan (shards of dead owners still move at once).</summary>
    public bool RequireApproval { get; init; }

    internal static ShardingOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.sharding.";
        var namespaces = new List<ShardNamespaceOptions>();
        foreach (var name in r.Keys(p + "namespaces").Order(StringComparer.Ordinal))
        {
            var n = $"{p}namespaces.\"{name}\".";
            foreach (var unknown in r.Keys(p + "namespaces." + "\"" + name + "\"").Except(["shards", "strategy", "roles", "preferred-zone", "preferred-region"]))
            {
                r.Add(n + unknown, "is not a namespace setting", "use shards, strategy, roles, preferred-zone or preferred-region");
            }

            var shards = (int)r.Long(n + "shards", 1, ShardNamespace.MaxShardCount, $"set a shard count from 1 to {ShardNamespace.MaxShardCount}, e.g. 1024");
            var strategyName = r.Has(n + "strategy") ? r.Choice(n + "strategy", [.. ShardPlacementStrategies.Names]) : RendezvousStrategy.StrategyName;
            var roles = r.Has(n + "roles") ? r.StringList(n + "roles", "list Akka roles, e.g. [\"worker\"], or [] for every member").ToHashSet(StringComparer.Ordinal) : [];
            var zone = r.Has(n + "preferred-zone") ? r.String(n + "preferred-zone", "set a zone name, or leave it empty") : "";
            var region = r.Has(n + "preferred-region") ? r.String(n + "preferred-region", "set a region name, or leave it empty") : "";
            if (!ConfigReader.IsIdentifier(name))
            {
                r.Add(p + "namespaces", $"\"{name}\" is not a valid namespace name", "use letters, digits, '-', '_' or '.', e.g. \"orders\"");
                continue;
            }

            if (ShardPlacementStrategies.Find(strategyName) is { } strategy && shards >= 1)
            {
                namespaces.Add(new ShardNamespaceOptions(new ShardNamespace(name, shards, roles, zone.Length == 0 ? null : zone, region.Length == 0 ? null : region), strategy));
            }
        }

        return new ShardingOptions
        {
            Namespaces = namespaces,
            LeaderScope = r.String(p + "leader-scope", "name a leadership scope: global, or one of meshactors.leadership.scopes"),
            MaxParallelMoves = (int)r.Long(p + "max-parallel-moves", 1, 1_000_000, "set at least 1"),
            Cooldown = r.Duration(p + "cooldown", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 2s"),
            UnreachableAfter = r.Duration(p + "unreachable-after", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 3s"),
            PlanInterval = r.Duration(p + "plan-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5), "set a duration such as 500ms"),
            SyncInterval = r.Duration(p + "sync-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5), "set a duration such as 2s"),
            RequireApproval = r.Bool(p + "require-approval", "set on or off"),
        };
    }
}
