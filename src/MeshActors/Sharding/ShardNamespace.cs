namespace MeshActors.Sharding;

/// <summary>
/// A namespace of shards as placement needs it: its name (which salts every hash, so two
/// namespaces place independently), its shard count, the roles eligible to own its shards, and —
/// for the <c>locality</c> strategy — the zone and region it prefers.
/// </summary>
public sealed record ShardNamespace
{
    /// <summary>The largest shard count accepted.</summary>
    public const int MaxShardCount = 1_000_000;

    /// <summary>Creates a namespace; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    /// <param name="name">The namespace name; not empty.</param>
    /// <param name="shardCount">Shards 0 to <paramref name="shardCount"/> − 1; 1 to <see cref="MaxShardCount"/>.</param>
    /// <param name="eligibleRoles">A member owns shards only if it has one of these roles; empty means every member.</param>
    /// <param name="preferredZone">For <c>locality</c>: owners come from this zone while it has an eligible member.</param>
    /// <param name="preferredRegion">For <c>locality</c>: else from this region while it has one; else from every eligible member.</param>
    public ShardNamespace(string name, int shardCount, IReadOnlySet<string>? eligibleRoles = null, string? preferredZone = null, string? preferredRegion = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("the namespace name is empty; give a name such as 'orders'", nameof(name));
        }

        if (shardCount is < 1 or > MaxShardCount)
        {
            throw new ArgumentException($"shard count {shardCount} is out of range; give 1 to {MaxShardCount}", nameof(shardCount));
        }

        Name = name;
        ShardCount = shardCount;
        EligibleRoles = eligibleRoles ?? new HashSet<string>();
        PreferredZone = preferredZone;
        PreferredRegion = preferredRegion;
    }

    /// <summary>The namespace name.</summary>
    public string Name { get; }

    /// <summary>The number of shards, numbered from 0.</summary>
    public int ShardCount { get; }

    /// <summary>The roles eligible to own shards; empty means every member.</summary>
    public IReadOnlySet<string> EligibleRoles { get; }

    /// <summary>The zone the <c>locality</c> strategy prefers, if any.</summary>
    public string? PreferredZone { get; }

    /// <summary>The region the <c>locality</c> strategy falls back to, if any.</summary>
    public string? PreferredRegion { get; }

    /// <summary>Whether <paramref name="member"/> may own shards of this namespace: an eligible role (when roles are set) and a capacity above 0.</summary>
    public bool IsEligible(ShardMember member) =>
        member.Capacity > 0 && (EligibleRoles.Count == 0 || EligibleRoles.Overlaps(member.Roles));
}
