using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>Finds settings under <c>meshactors.</c> that <c>reference.conf</c> does not define, and the
/// known setting each one most likely meant (smallest edit distance). An empty object in
/// reference.conf (e.g. <c>pinned-keys {}</c>) is an open map: any key goes inside.</summary>
internal sealed class UnknownKeys
{
    private readonly HashSet<string> _known;
    private readonly List<string> _openMaps;

    public UnknownKeys(Config reference)
    {
        var leaves = Leaves(reference, "meshactors").ToList();
        _known = leaves.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        _openMaps = leaves.Where(l => l.Value.IsObject()).Select(l => l.Path + ".").ToList();
    }

    /// <summary>Whether <paramref name="path"/> (a leaf under <c>meshactors</c>) is a setting reference.conf defines.</summary>
    public bool IsKnown(string path) => _known.Contains(path) || _openMaps.Any(m => path.StartsWith(m, StringComparison.Ordinal));

    /// <summary>One warning per unknown leaf of <paramref name="layers"/>, naming its layer and the nearest known setting.</summary>
    public IEnumerable<string> Warnings(LayeredConfig layers) =>
        from leaf in Leaves(layers.Resolved, "meshactors")
        where !IsKnown(leaf.Path)
        let nearest = _known.MinBy(k => Distance(k, leaf.Path))
        select $"{layers.OriginOf(leaf.Path)}: unknown setting {leaf.Path} (ignored); did you mean {nearest}?";

    /// <summary>Every leaf under <paramref name="root"/>; an empty object counts as a leaf.</summary>
    public static IEnumerable<(string Path, HoconValue Value)> Leaves(Config config, string root)
    {
        if (!config.HasPath(root) || !config.GetValue(root).IsObject())
        {
            return [];
        }

        return Walk(config.GetValue(root).GetObject(), root);

        static IEnumerable<(string, HoconValue)> Walk(HoconObject node, string prefix)
        {
            foreach (var (key, value) in node.Items)
            {
                var path = prefix + "." + (key.Contains('.') ? "\"" + key + "\"" : key);
                if (value.IsObject() && value.GetObject().Items.Count > 0)
                {
                    foreach (var leaf in Walk(value.GetObject(), path))
                    {
                        yield return leaf;
                    }
                }
                else
                {
                    yield return (path, value);
                }
            }
        }
    }

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
