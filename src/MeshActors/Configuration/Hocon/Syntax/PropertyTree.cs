using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// The objects built from properties. Properties files have no order of assignment that could
/// decide between <c>a=x</c> and <c>a.b=y</c>, so an object always beats a string at the same path.
/// </summary>
internal sealed class PropertyTree
{
    private readonly List<string> keys = [];
    private readonly Dictionary<string, PropertyTree> children = new(StringComparer.Ordinal);
    private readonly HoconOrigin origin;
    private HoconOrigin? valueOrigin;
    private string? value;

    public PropertyTree(HoconOrigin origin)
    {
        this.origin = origin;
    }

    private bool IsObject => keys.Count > 0;

    public void Set(IReadOnlyList<string> path, string text, HoconOrigin at)
    {
        var node = this;
        foreach (var segment in path)
        {
            if (!node.children.TryGetValue(segment, out var child))
            {
                child = new PropertyTree(at);
                node.children[segment] = child;
                node.keys.Add(segment);
            }

            node.value = null;
            node = child;
        }

        if (!node.IsObject)
        {
            node.value = text;
            node.valueOrigin = at;
        }
    }

    public ObjectNode ToNode()
    {
        var fields = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var key in keys)
        {
            var child = children[key];
            ConfigNode? node = child.IsObject ? child.ToNode()
                : child.value is { } text ? new ValueNode(new HoconString(text, child.valueOrigin!))
                : null;
            if (node is not null)
            {
                kept.Add(key);
                fields[key] = node;
            }
        }

        return new ObjectNode(kept, fields, origin);
    }
}
