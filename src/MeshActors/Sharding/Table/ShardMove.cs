namespace MeshActors.Sharding.Table;

/// <summary>
/// One changed row of a <see cref="ShardTableDiff"/>: the shard's owner, its state, or both. A
/// state-only change (draining, settling a move) has <see cref="FromOwner"/> equal to <see cref="ToOwner"/>.
/// </summary>
/// <param name="Shard">The shard number.</param>
/// <param name="FromOwner">The owner before.</param>
/// <param name="ToOwner">The owner after.</param>
/// <param name="FromState">The state before.</param>
/// <param name="ToState">The state after.</param>
public readonly record struct ShardMove(int Shard, string FromOwner, string ToOwner, ShardState FromState, ShardState ToState)
{
    /// <summary>Whether the owner changes (the shard moves to another node).</summary>
    public bool ChangesOwner => !string.Equals(FromOwner, ToOwner, StringComparison.Ordinal);
}
