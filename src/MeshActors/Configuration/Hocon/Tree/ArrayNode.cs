namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>An array whose elements may still hold substitutions.</summary>
internal sealed class ArrayNode : ConfigNode
{
    public ArrayNode(IReadOnlyList<ConfigNode> items, HoconOrigin origin)
        : base(origin)
    {
        Items = items;
    }

    public IReadOnlyList<ConfigNode> Items { get; }
}
