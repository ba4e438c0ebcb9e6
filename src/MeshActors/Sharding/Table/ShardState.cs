namespace MeshActors.Sharding.Table;

/// <summary>
/// The state of one shard in a <see cref="ShardTable"/>. The transitions the
/// <see cref="ShardPlanner"/> makes are listed in <c>src/MeshActors/Sharding/README.md</c>.
/// </summary>
public enum ShardState : byte
{
    /// <summary>The owner serves the shard.</summary>
    Active = 0,

    /// <summary>The owner still serves the shard but may no longer own it (cordoned, or no longer an eligible
    /// owner); the shard waits for a move slot.</summary>
    Draining = 1,

    /// <summary>Parked: the owner is unreachable or removed (or the shard was never assigned: owner <c>""</c>)
    /// and no member can take the shard yet; nobody serves it.</summary>
    Paused = 2,

    /// <summary>Being handed over to the owner named in the table: the previous owner hands it off and the
    /// new one starts it; it counts against the guardrails' parallel moves until it settles to
    /// <see cref="Active"/> after the cooldown.</summary>
    Moving = 3,
}
