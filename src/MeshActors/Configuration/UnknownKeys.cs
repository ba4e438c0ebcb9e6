using MeshActors.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>Finds settings under <c>meshactors.</c> that <c>reference.conf</c> does not define, and the
/// known setting each one most likely meant (smallest edit distance).</summary>
internal static class UnknownKeys
{
    public static IEnumerable<string> Warnings(HoconObject reference, HoconObject resolved)
    {
        if (!resolved.TryGet("meshactors", out var mesh) || mesh is not HoconObject meshObject)
        {
            yield break;
        }

        var referenceLeaves = Leaves(reference.TryGet("meshactors", out var r) && r is HoconObject ro ? ro : null, "meshactors").ToList();
        var known = referenceLeaves.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);

        // An empty object in reference.conf is an open map (e.g. pinned-keys): any key goes inside.
        var openMaps = referenceLeaves.Where(l => l.Value is HoconObject { Count: 0 }).Select(l => l.Path + ".").ToList();
        foreach (var (path, value) in Leaves(meshObject, "meshactors"))
        {
            if (!known.Contains(path) && !openMaps.Any(m => path.StartsWith(m, StringComparison.Ordinal)))
            {
                var nearest = known.MinBy(k => Distance(k, path));
                yield return $"{value.Origin}: unknown setting {path} (ignored); did you mean {nearest}?";
            }
        }
    }

    private static IEnumerable<(string Path, HoconValue Value)> Leaves(HoconObject? node, string prefix)
    {
        if (node is null)
        {
            yield break;
        }

        foreach (var key in node.Keys)
        {
            var path = prefix + "." + key;
            if (node[key] is HoconObject child && child.Count > 0)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, node[key]);
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
