namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>Collects the fields of one object while it is parsed, merging duplicate keys as they come.</summary>
internal sealed class ObjectBuilder
{
    private readonly List<string> keys = [];
    private readonly Dictionary<string, ConfigNode> fields = new(StringComparer.Ordinal);
    private readonly HoconOrigin origin;

    public ObjectBuilder(HoconOrigin origin)
    {
        this.origin = origin;
    }

    /// <summary>Adds <c>key = value</c>, where a dotted key creates nested objects.</summary>
    public void Add(HoconPath key, ConfigNode value, HoconOrigin keyOrigin)
    {
        var node = key.Count == 1
            ? value
            : ObjectNode.Wrap(new HoconPath(key.Segments.Skip(1)), value, keyOrigin);
        Set(key[0], node);
    }

    /// <summary>Merges every field of <paramref name="other"/> in, as an include does.</summary>
    public void MergeObject(ObjectNode other)
    {
        foreach (var key in other.Keys)
        {
            Set(key, other[key]);
        }
    }

    public ObjectNode Build() => new(keys, fields, origin);

    private void Set(string key, ConfigNode node)
    {
        if (fields.TryGetValue(key, out var existing))
        {
            fields[key] = NodeMerger.Merge(existing, node);
        }
        else
        {
            keys.Add(key);
            fields[key] = node;
        }
    }
}
