using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MeshActors.Randomness;
using MeshActors.Security;
using MeshActors.Sharding;

namespace MeshActors.Cli.Commands;

/// <summary>
/// <c>meshctl shards simulate</c>: places a namespace's shards over simulated nodes
/// <c>node-1 … node-N</c>, applies <c>--add-node</c>/<c>--remove-node</c>, and prints each owner's
/// load before and after and the moved fraction against the ideal — offline, before anything is
/// applied to a cluster.
/// </summary>
internal static class ShardsCommand
{
    private static readonly (string Zone, string Region)[] Zones = [("eu-1a", "eu"), ("eu-1b", "eu"), ("us-1a", "us")];
    private const int MaxNodes = 10_000;

    public static Command Build()
    {
        var command = new Command("shards", "Shard tables: list, owner of a key, history, drain a node, rebalance plans, and simulate a strategy before changing a cluster") { BuildSimulate() };
        foreach (var verb in ShardsClusterCommands.Build())
        {
            command.Subcommands.Add(verb);
        }

        return command;
    }

    private static Command BuildSimulate()
    {
        var strategy = new Option<string>("--strategy") { Description = "placement strategy: " + string.Join(", ", ShardPlacementStrategies.Names), DefaultValueFactory = _ => RendezvousStrategy.StrategyName };
        var nodes = new Option<string?>("--nodes") { Description = $"number of simulated nodes before the change, node-1 … node-N (1 to {MaxNodes}); required" };
        var shards = new Option<string?>("--shards") { Description = $"shard count of the namespace (1 to {ShardNamespace.MaxShardCount}); required" };
        var add = new Option<string[]>("--add-node") { Description = "a node id that joins; repeatable" };
        var remove = new Option<string[]>("--remove-node") { Description = "a node id that leaves (one of node-1 … node-N); repeatable" };
        var seed = new Option<string>("--seed") { Description = "seed that places the simulated nodes in zones eu-1a, eu-1b (region eu) and us-1a (region us)", DefaultValueFactory = _ => "1" };
        var ns = new Option<string>("--namespace") { Description = "namespace name; it salts the placement, so give the real one to see the real owners", DefaultValueFactory = _ => "simulated" };
        var zone = new Option<string>("--zone") { Description = "locality: the preferred zone", DefaultValueFactory = _ => "eu-1a" };
        var region = new Option<string>("--region") { Description = "locality: the region to fall back to when the zone has no node", DefaultValueFactory = _ => "eu" };
        var json = new Option<bool>("--json") { Description = "print the result as JSON" };
        var command = new Command("simulate", "Print each node's shard load before and after nodes join or leave, and the fraction of shards that would move (offline; nothing is applied)")
        {
            strategy, nodes, shards, add, remove, seed, ns, zone, region, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                var input = new SimulationInput(
                    ShardPlacementStrategies.Find(parse.GetValue(strategy)!) ?? throw new UsageException(
                        $"--strategy {parse.GetValue(strategy)}: unknown strategy; give one of {string.Join(", ", ShardPlacementStrategies.Names)}"),
                    Whole("--nodes", parse.GetValue(nodes), 1, MaxNodes),
                    Whole("--shards", parse.GetValue(shards), 1, ShardNamespace.MaxShardCount),
                    parse.GetValue(add) ?? [],
                    (parse.GetValue(remove) ?? []).Distinct(StringComparer.Ordinal).ToArray(),
                    Whole("--seed", parse.GetValue(seed), 0, int.MaxValue),
                    parse.GetValue(ns)!,
                    parse.GetValue(zone)!,
                    parse.GetValue(region)!);
                var result = Simulate(input);
                Console.Out.WriteLine(parse.GetValue(json) ? ToJson(input, result) : ToText(input, result));
                return 0;
            }
            catch (UsageException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return Meshctl.InvalidInput;
            }
        });
        return command;
    }

    private static SimulationResult Simulate(SimulationInput input)
    {
        if (!MeshIdentity.IsValidId(input.Namespace))
        {
            throw new UsageException($"--namespace \"{input.Namespace}\" is not a valid name ({MeshIdentity.IdRule})");
        }

        var random = new SeededRandomSource((ulong)input.Seed);
        ShardMember Node(string id)
        {
            var (zone, region) = Zones[random.Next(Zones.Length)];
            return new ShardMember(id, new HashSet<string>(), zone, region);
        }

        var before = Enumerable.Range(1, input.Nodes).Select(i => Node($"node-{i}")).ToList();
        var ids = before.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in input.Remove)
        {
            if (!ids.Contains(id))
            {
                throw new UsageException($"--remove-node {id}: no such node; the simulated nodes are node-1 … node-{input.Nodes}");
            }
        }

        var after = before.Where(m => !input.Remove.Contains(m.Id)).ToList();
        foreach (var id in input.Add)
        {
            if (!MeshIdentity.IsValidId(id))
            {
                throw new UsageException($"--add-node \"{id}\" is not a valid node id ({MeshIdentity.IdRule})");
            }

            if (!ids.Add(id))
            {
                throw new UsageException($"--add-node {id}: a node with this id is already there; give a new id such as node-{input.Nodes + 1}");
            }

            after.Add(Node(id));
        }

        if (after.Count == 0)
        {
            throw new UsageException("--remove-node: no node would be left to own the shards; remove fewer nodes");
        }

        var shardNamespace = new ShardNamespace(input.Namespace, input.Shards, preferredZone: input.Zone, preferredRegion: input.Region);
        var placedBefore = input.Strategy.Prepare(shardNamespace, before);
        var placedAfter = input.Strategy.Prepare(shardNamespace, after);
        var (tableBefore, tableAfter) = (placedBefore.AssignAll(), placedAfter.AssignAll());
        return new SimulationResult(
            before.Concat(after.Where(m => !before.Contains(m))).ToList(),
            tableBefore.Loads(),
            tableAfter.Loads(),
            ShardMoves.Between(placedBefore, placedAfter),
            ShardMoves.MaxOverMean(tableBefore, placedBefore.Owners.Count),
            ShardMoves.MaxOverMean(tableAfter, placedAfter.Owners.Count));
    }

    private static string ToText(SimulationInput input, SimulationResult result)
    {
        var change = string.Join(", ", input.Add.Select(a => "+" + a).Concat(input.Remove.Select(r => "-" + r)));
        var lines = new List<string>
        {
            $"strategy {input.Strategy.Name}, namespace {input.Namespace}, {input.Shards} shards, {input.Nodes} → {input.Nodes + input.Add.Length - input.Remove.Length} nodes" +
                (change.Length > 0 ? $" ({change})" : " (no change: give --add-node or --remove-node)") + "; simulated, nothing is applied",
            $"{"NODE",-16} {"ZONE",-6} {"BEFORE",7} {"AFTER",7} {"CHANGE",7}",
        };
        foreach (var member in result.Members.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            var wasThere = !input.Add.Contains(member.Id);
            var isThere = !input.Remove.Contains(member.Id);
            var (loadBefore, loadAfter) = (result.Before.GetValueOrDefault(member.Id), result.After.GetValueOrDefault(member.Id));
            lines.Add($"{member.Id,-16} {member.Zone,-6} {(wasThere ? loadBefore.ToString(CultureInfo.InvariantCulture) : "-"),7} " +
                      $"{(isThere ? loadAfter.ToString(CultureInfo.InvariantCulture) : "-"),7} {(loadAfter - loadBefore).ToString("+0;-0;0", CultureInfo.InvariantCulture),7}");
        }

        lines.Add($"moved {result.Moves.Moved} of {input.Shards} shards: {Percent(result.Moves.MovedFraction)} (ideal {Percent(result.Moves.IdealFraction)}: " +
                  "the least a capacity-proportional placement must move; 1/(N+1) when one node joins N, 1/N when one of N leaves)");
        lines.Add($"load max/mean: before {result.MaxOverMeanBefore.ToString("0.00", CultureInfo.InvariantCulture)}, after {result.MaxOverMeanAfter.ToString("0.00", CultureInfo.InvariantCulture)}");
        return string.Join('\n', lines);
    }

    private static string ToJson(SimulationInput input, SimulationResult result) => JsonSerializer.Serialize(new
    {
        strategy = input.Strategy.Name,
        @namespace = input.Namespace,
        shards = input.Shards,
        seed = input.Seed,
        added = input.Add,
        removed = input.Remove,
        nodes = result.Members.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => new
        {
            id = m.Id,
            zone = m.Zone,
            region = m.Region,
            before = input.Add.Contains(m.Id) ? (int?)null : result.Before.GetValueOrDefault(m.Id),
            after = input.Remove.Contains(m.Id) ? (int?)null : result.After.GetValueOrDefault(m.Id),
        }),
        moved = result.Moves.Moved,
        movedFraction = result.Moves.MovedFraction,
        idealFraction = result.Moves.IdealFraction,
        maxOverMeanBefore = result.MaxOverMeanBefore,
        maxOverMeanAfter = result.MaxOverMeanAfter,
    }, new JsonSerializerOptions { WriteIndented = true });

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static int Whole(string option, string? text, int min, int max)
    {
        if (text is null)
        {
            throw new UsageException($"{option} is required; give a whole number from {min} to {max}");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{option} {text}: give a whole number from {min} to {max}");
    }

    private sealed record SimulationInput(IShardPlacementStrategy Strategy, int Nodes, int Shards, string[] Add, string[] Remove, int Seed, string Namespace, string Zone, string Region);

    private sealed record SimulationResult(
        List<ShardMember> Members,
        IReadOnlyDictionary<string, int> Before,
        IReadOnlyDictionary<string, int> After,
        ShardMoves Moves,
        double MaxOverMeanBefore,
        double MaxOverMeanAfter);

    /// <summary>Bad input: printed as one line naming the option and the fix, exit code 2.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
