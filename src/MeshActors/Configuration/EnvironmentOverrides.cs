using System.Text.Json;

namespace MeshActors.Configuration;

/// <summary>
/// Maps <c>MESHACTORS__A__B_C=value</c> to <c>meshactors.a.b-c</c>. A numeric last segment builds
/// a list (<c>…__SEEDS__0</c>, <c>…__SEEDS__1</c>). Values starting with <c>[</c> or <c>{</c> are HOCON;
/// others are strings, so "10.0.0.1:7946" needs no quoting.
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "MESHACTORS__";

    /// <summary>(path, HOCON value text, variable name) for each MeshActors variable, sorted by name
    /// so the result does not depend on the environment's enumeration order.</summary>
    public static IEnumerable<(string Path, string ValueText, string Origin)> From(IReadOnlyDictionary<string, string> environment)
    {
        var lists = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var segments = name[Prefix.Length..].Split("__");
            if (segments.Any(s => s.Length == 0))
            {
                throw new ConfigValidationException([new ConfigError(name, "environment", "has an empty segment", "separate segments with exactly two underscores, e.g. MESHACTORS__NODE__ID")]);
            }

            var path = "meshactors." + string.Join('.', segments.Select(s => s.ToLowerInvariant().Replace('_', '-')));
            if (segments.Length > 1 && int.TryParse(segments[^1], out var index) && index >= 0)
            {
                var listPath = path[..path.LastIndexOf('.')];
                if (!lists.TryGetValue(listPath, out var items))
                {
                    lists[listPath] = items = new SortedDictionary<int, string>();
                    origins[listPath] = "env:" + name[..name.LastIndexOf("__", StringComparison.Ordinal)] + "__N";
                }

                items[index] = AsValue(value);
                continue;
            }

            yield return (path, AsValue(value), "env:" + name);
        }

        foreach (var (listPath, items) in lists)
        {
            yield return (listPath, "[" + string.Join(", ", items.Values) + "]", origins[listPath]);
        }
    }

    private static string AsValue(string raw)
    {
        var trimmed = raw.TrimStart();
        return trimmed.StartsWith('[') || trimmed.StartsWith('{') ? raw : JsonSerializer.Serialize(raw);
    }
}
