namespace MeshActors.Sharding.Table;

/// <summary>What <see cref="IShardTableStore.AppendAsync"/> did.</summary>
public enum ShardTableAppendOutcome
{
    /// <summary>The table and its diff were stored; it is now the latest version.</summary>
    Appended,

    /// <summary>Refused: a leader with a higher fencing token already wrote this namespace. The writer is stale and must stop.</summary>
    StaleToken,

    /// <summary>Refused: the version is not the stored latest + 1 (another write came first); reload and plan again.</summary>
    VersionConflict,
}
