namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// Collects the fields of one object while it is parsed, merging duplicate keys as they come.
/// Objects being merged into are kept as nested builders and changed in place, so a thousand
/// <c>akka.x.y = ...</c> lines cost a thousand inserts rather than a thousand copies. The result
/// equals merging every field in order with <see cref="NodeMerger.Merge"/>.
/// </summary>
internal sealed class ObjectBuilder
{
    private readonly List<string> keys = [];

    /// <summary>Each value is a finished <see cref="ConfigNode"/> or a nested <see cref="ObjectBuilder"/>.</summary>
    private readonly Dictionary<string, object> fields = new(StringComparer.Ordinal);
    private readonly HoconOrigin origin;

    public ObjectBuilder(HoconOrigin origin)
    {
        this.origin = origin;
    }

    /// <summary>Adds <c>key = value</c>, where a dotted key creates nested objects.</summary>
    public void Add(HoconPath key, ConfigNode value, HoconOrigin keyOrigin) => Add(key, 0, value, keyOrigin);

    /// <summary>Merges every field of <paramref name="other"/> in, as an include does.</summary>
    public void MergeObject(ObjectNode other)
    {
        foreach (var key in other.Keys)
        {
            Set(key, other[key]);
        }
    }

    public ObjectNode Build()
    {
        var built = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            built[key] = fields[key] is ObjectBuilder child ? child.Build() : (ConfigNode)fields[key];
        }

        return new ObjectNode([.. keys], built, origin);
    }

    private static ObjectBuilder From(ObjectNode node)
    {
        var builder = new ObjectBuilder(node.Origin);
        foreach (var key in node.Keys)
        {
            builder.keys.Add(key);
            builder.fields[key] = node[key];
        }

        return builder;
    }

    private void Add(HoconPath key, int index, ConfigNode value, HoconOrigin keyOrigin)
    {
        var name = key[index];
        if (index == key.Count - 1)
        {
            Set(name, value);
            return;
        }

        StackGuard.Ensure(keyOrigin);
        if (!fields.TryGetValue(name, out var existing))
        {
            keys.Add(name);
            existing = fields[name] = new ObjectBuilder(keyOrigin);
        }
        else if (existing is ConfigNode { IsObject: true } obj)
        {
            existing = fields[name] = From(NodeMerger.AsObjectNode(obj));
        }

        if (existing is ObjectBuilder child)
        {
            child.Add(key, index + 1, value, keyOrigin);
        }
        else
        {
            var rest = new HoconPath(key.Segments.Skip(index + 1));
            fields[name] = NodeMerger.Merge((ConfigNode)existing, ObjectNode.Wrap(rest, value, keyOrigin));
        }
    }

    private void Set(string name, ConfigNode value)
    {
        if (!fields.TryGetValue(name, out var existing))
        {
            keys.Add(name);
            fields[name] = value;
            return;
        }

        if (value.IsObject && existing is ObjectBuilder or ConfigNode { IsObject: true })
        {
            var child = existing as ObjectBuilder ?? From(NodeMerger.AsObjectNode((ConfigNode)existing));
            child.MergeObject(NodeMerger.AsObjectNode(value));
            fields[name] = child;
            return;
        }

        var older = existing as ConfigNode ?? ((ObjectBuilder)existing).Build();
        fields[name] = NodeMerger.Merge(older, value);
    }
}
