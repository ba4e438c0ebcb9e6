namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// The systems <c>pubsub-compare --systems</c> can measure, by name, in one place. The first of a
/// run is the baseline the ratios divide by.
/// </summary>
internal static class PubSubSystems
{
    private static readonly Dictionary<string, Func<IPubSubUnderTest>> ByName = new(StringComparer.Ordinal)
    {
        ["akka-dps"] = () => new DistributedPubSubUnderTest(),
        ["meshactors"] = () => new MeshActorsUnderTest(),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static IPubSubUnderTest? Create(string name) => ByName.TryGetValue(name, out var create) ? create() : null;
}
