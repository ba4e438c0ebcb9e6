using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>Merges two resolved objects: fields of <c>newer</c> win, objects in both merge recursively.</summary>
internal static class ValueMerger
{
    public static HoconObject Merge(HoconObject older, HoconObject newer)
    {
        StackGuard.Ensure(newer.Origin);
        var keys = new List<string>(older.Keys);
        var fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, value) in older)
        {
            fields[key] = value;
        }

        foreach (var (key, value) in newer)
        {
            if (!fields.TryGetValue(key, out var existing))
            {
                keys.Add(key);
                fields[key] = value;
            }
            else
            {
                fields[key] = existing is HoconObject olderChild && value is HoconObject newerChild
                    ? Merge(olderChild, newerChild)
                    : value;
            }
        }

        return new HoconObject(keys.Select(key => new KeyValuePair<string, HoconValue>(key, fields[key])), older.Origin);
    }
}
