namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// A node of a parsed but unresolved document. Subclasses are immutable; parsing builds them,
/// merging combines them, and the resolver turns them into <see cref="HoconValue"/>s.
/// </summary>
internal abstract class ConfigNode
{
    protected ConfigNode(HoconOrigin origin)
    {
        Origin = origin;
    }

    /// <summary>Where the node was written.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>Whether the node is an object, or an already resolved object value.</summary>
    public bool IsObject => this is ObjectNode || this is ValueNode { Value: HoconObject };
}
