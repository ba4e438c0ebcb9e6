using System.Diagnostics.CodeAnalysis;

namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>An object whose fields may still hold substitutions; keys keep their first-seen order.</summary>
internal sealed class ObjectNode : ConfigNode
{
    private readonly Dictionary<string, ConfigNode> fields;
    private readonly List<string> keys;

    public ObjectNode(List<string> keys, Dictionary<string, ConfigNode> fields, HoconOrigin origin)
        : base(origin)
    {
        this.keys = keys;
        this.fields = fields;
    }

    public IReadOnlyList<string> Keys => keys;

    public int Count => keys.Count;

    public ConfigNode this[string key] => fields[key];

    public bool TryGet(string key, [MaybeNullWhen(false)] out ConfigNode node) => fields.TryGetValue(key, out node);

    public static ObjectNode Empty(HoconOrigin origin) => new([], new(StringComparer.Ordinal), origin);

    /// <summary>Views a resolved object as a node so it can merge with unresolved objects.</summary>
    public static ObjectNode FromValue(HoconObject value)
    {
        var fields = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var (key, child) in value)
        {
            fields[key] = new ValueNode(child);
        }

        return new ObjectNode(value.Keys.ToList(), fields, value.Origin);
    }

    /// <summary>Builds <c>{ a { b { c : value } } }</c> for the path <c>a.b.c</c> (the path must not be empty).</summary>
    public static ObjectNode Wrap(HoconPath path, ConfigNode value, HoconOrigin origin)
    {
        var node = value;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            node = new ObjectNode([path[i]], new(StringComparer.Ordinal) { [path[i]] = node }, origin);
        }

        return (ObjectNode)node;
    }
}
