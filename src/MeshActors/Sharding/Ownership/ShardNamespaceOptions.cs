namespace MeshActors.Sharding.Ownership;

/// <summary>One namespace of <c>meshactors.sharding.namespaces</c>: its shards and how they are placed.</summary>
/// <param name="Namespace">The name, shard count, eligible roles and preferred zone/region.</param>
/// <param name="Strategy">The placement strategy (<see cref="ShardPlacementStrategies"/>).</param>
public sealed record ShardNamespaceOptions(ShardNamespace Namespace, IShardPlacementStrategy Strategy);
