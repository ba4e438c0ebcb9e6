namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// A merge that must wait for resolution: the successive values given to one field, oldest first,
/// where at least one is a substitution or concatenation. Resolution folds them from the newest:
/// objects merge, any other value hides everything older, an undefined <c>${?x}</c> is skipped.
/// A self-referential value looks at the items older than itself.
/// </summary>
internal sealed class MergeNode : ConfigNode
{
    public MergeNode(IReadOnlyList<ConfigNode> items, HoconOrigin origin)
        : base(origin)
    {
        Items = items;
    }

    /// <summary>The values, oldest first. Never nested merges.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }
}
