using System.Collections.Immutable;

namespace MeshActors.Sharding.Table;

/// <summary>
/// The pure planner behind the shard-table singleton: from the current <see cref="ShardTable"/> and the
/// cluster (<see cref="ShardMembership"/>) to the next version and its diff, or no change. The rules
/// (the state machine is drawn in the Sharding README):
/// <list type="bullet">
/// <item>The target gives each eligible, reachable, uncordoned member exactly its capacity quota and
/// moves the fewest shards to get there, preferring the strategy's owner (<see cref="ShardQuotas"/>):
/// a join moves the joiner's quota, a leave the leaver's shards, ≤ 1/(N+1) of the shards plus rounding.</item>
/// <item>Shards whose owner is removed or unreachable (or never assigned, or paused) are reassigned
/// to their target at once, <see cref="ShardState.Active"/>, whatever the guardrails: nobody serves
/// them. With no member to take them they are parked, <see cref="ShardState.Paused"/>.</item>
/// <item>Shards of a cordoned (or no longer eligible) owner are marked <see cref="ShardState.Draining"/>;
/// nothing new lands on such a node.</item>
/// <item>Every other move is graceful: the shard goes <see cref="ShardState.Moving"/> to its new owner,
/// at most <see cref="RebalanceGuardrails.MaxParallelMoves"/> at once, draining shards first; a batch
/// settles to <see cref="ShardState.Active"/> (and the next may start) when the cooldown has passed
/// since the version that started it.</item>
/// </list>
/// </summary>
public sealed class ShardPlanner
{
    /// <summary>A planner for one namespace.</summary>
    public ShardPlanner(ShardNamespace shardNamespace, IShardPlacementStrategy strategy, RebalanceGuardrails guardrails)
    {
        Namespace = shardNamespace ?? throw new ArgumentNullException(nameof(shardNamespace));
        Strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        Guardrails = guardrails ?? throw new ArgumentNullException(nameof(guardrails));
    }

    /// <summary>The namespace planned.</summary>
    public ShardNamespace Namespace { get; }

    /// <summary>The placement strategy the planner prefers owners by.</summary>
    public IShardPlacementStrategy Strategy { get; }

    /// <summary>The limits on graceful moves.</summary>
    public RebalanceGuardrails Guardrails { get; }

    /// <summary>
    /// The next version of <paramref name="current"/>, or <see langword="null"/> when nothing changes.
    /// Throws <see cref="ArgumentException"/> when the table is of another namespace or size, or when
    /// <paramref name="fencingToken"/> is lower than the table's (a newer leader wrote it; stop planning).
    /// </summary>
    /// <param name="current">The latest table (<see cref="ShardTable.Unassigned"/> before the first version).</param>
    /// <param name="membership">The members, and who is cordoned or unreachable.</param>
    /// <param name="fencingToken">The writing leader's lease token.</param>
    /// <param name="author">The writing leader's node id.</param>
    /// <param name="now">The time the version is written at.</param>
    /// <param name="rebalanceApproved"><see langword="false"/> holds graceful moves (a plan awaiting approval); shards nobody serves still move.</param>
    public ShardTableChange? Next(ShardTable current, ShardMembership membership, long fencingToken, string author, DateTimeOffset now, bool rebalanceApproved = true)
    {
        Check(current, membership);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if (fencingToken < current.FencingToken)
        {
            throw new ArgumentException($"fencing token {fencingToken} is lower than {current.FencingToken}, which wrote version {current.Version}: a newer leader exists; stop planning", nameof(fencingToken));
        }

        var (target, targets) = Target(current, membership);
        var present = Present(membership);
        var owners = current.Owners.ToArray();
        var states = current.States.ToArray();
        var anyMoving = current.States.Contains(ShardState.Moving);
        var cooled = !anyMoving || now >= current.WrittenAt + Guardrails.Cooldown;
        var graceful = new List<int>();
        int reassigned = 0, parked = 0, settled = 0;
        for (var shard = 0; shard < owners.Length; shard++)
        {
            var (owner, state) = (owners[shard], states[shard]);
            if (!present.Contains(owner) || state == ShardState.Paused)
            {
                if (target is null)
                {
                    parked += state == ShardState.Paused ? 0 : 1;
                    states[shard] = ShardState.Paused;
                }
                else
                {
                    reassigned += owner == target[shard] ? 0 : 1;
                    (owners[shard], states[shard]) = (target[shard], ShardState.Active);
                }

                continue;
            }

            var settledState = targets.Contains(owner) ? ShardState.Active : ShardState.Draining;
            if (state == ShardState.Moving)
            {
                if (cooled)
                {
                    settled++;
                    states[shard] = settledState;
                }

                continue;
            }

            states[shard] = settledState;
            if (target is not null && rebalanceApproved && !string.Equals(target[shard], owner, StringComparison.Ordinal))
            {
                graceful.Add(shard);
            }
        }

        var started = 0;
        if (cooled)
        {
            foreach (var shard in graceful.OrderBy(s => targets.Contains(owners[s]) ? 1 : 0).ThenBy(s => s).Take(Guardrails.MaxParallelMoves))
            {
                (owners[shard], states[shard]) = (target![shard], ShardState.Moving);
                started++;
            }
        }

        var next = ShardTable.Validated(current.Namespace, current.Version + 1, fencingToken, now, owners, states);
        var diff = current.DiffTo(next, author, Reason(reassigned, parked, settled, started, graceful.Count - started, states));
        return diff.Moves.IsEmpty ? null : new ShardTableChange(next, diff);
    }

    /// <summary>What it would take to reach the target from <paramref name="current"/> now, ignoring the guardrails.</summary>
    public RebalancePreview DryRun(ShardTable current, ShardMembership membership)
    {
        Check(current, membership);
        var (target, targets) = Target(current, membership);
        var present = Present(membership);
        var moves = ImmutableArray.CreateBuilder<ShardMove>();
        int draining = 0, parked = 0;
        for (var shard = 0; shard < current.ShardCount; shard++)
        {
            var (owner, state) = (current.Owners[shard], current.States[shard]);
            if (target is null)
            {
                parked += present.Contains(owner) && state != ShardState.Paused ? 0 : 1;
            }
            else if (!string.Equals(owner, target[shard], StringComparison.Ordinal))
            {
                moves.Add(new ShardMove(shard, owner, target[shard], state, ShardState.Active));
                draining += present.Contains(owner) && !targets.Contains(owner) ? 1 : 0;
            }
        }

        return new RebalancePreview(moves.ToImmutable(), current.ShardCount, draining, parked);
    }

    private void Check(ShardTable current, ShardMembership membership)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(membership);
        if (!string.Equals(current.Namespace, Namespace.Name, StringComparison.Ordinal) || current.ShardCount != Namespace.ShardCount)
        {
            throw new ArgumentException(
                $"the table is for namespace '{current.Namespace}' with {current.ShardCount} shards; this planner plans '{Namespace.Name}' with {Namespace.ShardCount}",
                nameof(current));
        }
    }

    private static HashSet<string> Present(ShardMembership membership) =>
        membership.Members.Select(m => m.Id).Where(id => !membership.Unreachable.Contains(id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The target owner of every shard and the set of members that may own shards; a null target when none may.</summary>
    private (string[]? Target, HashSet<string> Targets) Target(ShardTable current, ShardMembership membership)
    {
        var candidates = membership.Members
            .Where(m => !membership.Unreachable.Contains(m.Id) && !membership.Cordoned.Contains(m.Id))
            .ToList();
        if (!candidates.Any(Namespace.IsEligible))
        {
            return (null, new HashSet<string>(StringComparer.Ordinal));
        }

        var placement = Strategy.Prepare(Namespace, candidates);
        var targets = placement.Owners.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var stay = new string?[current.ShardCount];
        for (var shard = 0; shard < stay.Length; shard++)
        {
            var owner = current.Owners[shard];
            stay[shard] = current.States[shard] != ShardState.Paused && targets.Contains(owner) ? owner : null;
        }

        return (ShardQuotas.Balance(placement.AssignAll(), stay, placement.Owners), targets);
    }

    private static string Reason(int reassigned, int parked, int settled, int started, int waiting, ShardState[] states)
    {
        var parts = new List<string>();
        if (reassigned > 0)
        {
            parts.Add($"{reassigned} shards of removed or unreachable owners reassigned");
        }

        if (parked > 0)
        {
            parts.Add($"{parked} parked: no member can take them");
        }

        if (settled > 0)
        {
            parts.Add($"{settled} moves settled");
        }

        if (started > 0)
        {
            parts.Add($"{started} moves started");
        }

        if (waiting > 0)
        {
            parts.Add($"{waiting} moves waiting for the guardrails");
        }

        var draining = states.Count(s => s == ShardState.Draining);
        if (draining > 0)
        {
            parts.Add($"{draining} shards draining off cordoned or ineligible nodes");
        }

        return parts.Count == 0 ? "states updated" : string.Join("; ", parts);
    }
}
