namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// Merges two values given to the same field, the way HOCON treats duplicate keys: objects merge
/// field by field, any other newer value replaces the older one. When either side still needs
/// resolution the merge is kept as a <see cref="MergeNode"/> so self-references can look back.
/// </summary>
internal static class NodeMerger
{
    public static ConfigNode Merge(ConfigNode older, ConfigNode newer)
    {
        StackGuard.Ensure(newer.Origin);
        switch (newer)
        {
            case MergeNode stack:
                return Stack(older, stack.Items);
            case SubstitutionNode or ConcatNode:
                return Stack(older, [newer]);
        }

        if (!newer.IsObject)
        {
            return newer;
        }

        if (older.IsObject)
        {
            return MergeObjects(AsObjectNode(older), AsObjectNode(newer));
        }

        return older is MergeNode or SubstitutionNode or ConcatNode ? Stack(older, [newer]) : newer;
    }

    public static ObjectNode AsObjectNode(ConfigNode node) => node switch
    {
        ObjectNode obj => obj,
        ValueNode { Value: HoconObject value } => ObjectNode.FromValue(value),
        _ => throw new InvalidOperationException("not an object node"),
    };

    private static ObjectNode MergeObjects(ObjectNode older, ObjectNode newer)
    {
        var keys = new List<string>(older.Keys);
        var fields = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var key in older.Keys)
        {
            fields[key] = older[key];
        }

        foreach (var key in newer.Keys)
        {
            if (fields.TryGetValue(key, out var existing))
            {
                fields[key] = Merge(existing, newer[key]);
            }
            else
            {
                keys.Add(key);
                fields[key] = newer[key];
            }
        }

        return new ObjectNode(keys, fields, older.Origin);
    }

    private static MergeNode Stack(ConfigNode older, IReadOnlyList<ConfigNode> newerItems)
    {
        var items = older is MergeNode stack ? new List<ConfigNode>(stack.Items) : [older];
        foreach (var item in newerItems)
        {
            // Two adjacent plain objects merge at once; the stack only keeps what must wait.
            if (items.Count > 0 && item is ObjectNode && items[^1].IsObject)
            {
                items[^1] = MergeObjects(AsObjectNode(items[^1]), (ObjectNode)item);
            }
            else
            {
                items.Add(item);
            }
        }

        return new MergeNode(items, newerItems[^1].Origin);
    }
}
