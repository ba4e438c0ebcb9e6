namespace MeshActors.Node.Tests;

/// <summary>
/// Tests that start many node processes at once run alone: on a small machine, other tests'
/// processes starting beside them would only stretch their timings towards the deadlines.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExclusiveProcessesCollection
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "many node processes";
}
