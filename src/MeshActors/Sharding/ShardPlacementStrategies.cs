namespace MeshActors.Sharding;

/// <summary>Every placement strategy, by the name configuration selects it with; the one list of them.</summary>
public static class ShardPlacementStrategies
{
    private static readonly IReadOnlyDictionary<string, IShardPlacementStrategy> ByName =
        new IShardPlacementStrategy[] { new RendezvousStrategy(), new RingStrategy(), new LocalityStrategy() }
            .ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The strategy names, in the order they are documented.</summary>
    public static IReadOnlyList<string> Names { get; } = [RendezvousStrategy.StrategyName, RingStrategy.StrategyName, LocalityStrategy.StrategyName];

    /// <summary>The strategy called <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    public static IShardPlacementStrategy? Find(string name) => ByName.GetValueOrDefault(name);
}
