namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>A node that needs no resolution: a literal, or a value a substitution already resolved to.</summary>
internal sealed class ValueNode : ConfigNode
{
    public ValueNode(HoconValue value)
        : base(value.Origin)
    {
        Value = value;
    }

    public HoconValue Value { get; }
}
