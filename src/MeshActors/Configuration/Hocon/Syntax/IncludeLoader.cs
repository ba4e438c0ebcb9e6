using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// Reads files for <see cref="HoconLoader.AddFile"/> and for include statements: picks the format
/// by extension, tries <c>.properties</c>, <c>.json</c> and <c>.conf</c> for a name without one,
/// and refuses include cycles.
/// </summary>
internal sealed class IncludeLoader
{
    private static readonly string[] Extensions = [".properties", ".json", ".conf"];
    private readonly List<string> chain = [];

    /// <summary>Loads a top-level source file.</summary>
    public ObjectNode LoadFile(string path)
    {
        var origin = new HoconOrigin(path, 1, 1);
        if (!File.Exists(path))
        {
            throw new HoconException(origin, $"file not found: {path}");
        }

        return Load(path, HoconPath.Root, 0, origin);
    }

    /// <summary>Loads what an include statement names, or returns null when it is missing and optional.</summary>
    /// <param name="spec">The include statement.</param>
    /// <param name="including">The context of the including source.</param>
    /// <param name="objectPath">The path of the object holding the statement inside the including source.</param>
    /// <param name="depth">The nesting depth of that object.</param>
    public ObjectNode? Include(IncludeSpec spec, ParseContext including, HoconPath? objectPath, int depth)
    {
        var name = ToFileName(spec);
        var folder = including.IncludeDirectory ?? Directory.GetCurrentDirectory();
        var target = Path.IsPathRooted(name) ? name : Path.Combine(folder, name);
        var files = Candidates(target);
        if (files.Count == 0)
        {
            return spec.Required
                ? throw new HoconException(spec.At, $"include not found: required file {QuotedText.Quote(spec.Name)} does not exist (looked for {string.Join(", ", Tried(target))})")
                : null;
        }

        var prefix = objectPath is null ? including.SubstitutionPrefix : including.SubstitutionPrefix.Concat(objectPath);
        ObjectNode? result = null;
        foreach (var file in files)
        {
            var loaded = Load(file, prefix, depth, spec.At);
            result = result is null ? loaded : (ObjectNode)NodeMerger.Merge(result, loaded);
        }

        return result;
    }

    private static string ToFileName(IncludeSpec spec)
    {
        if (spec.Kind == IncludeKind.Classpath)
        {
            throw new HoconException(spec.At, $"include classpath({QuotedText.Quote(spec.Name)}) is not supported: there is no Java classpath here; include a file by a path relative to this file instead");
        }

        var hasScheme = Uri.TryCreate(spec.Name, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1;
        if (hasScheme && uri!.IsFile && spec.Kind != IncludeKind.File)
        {
            return uri.LocalPath;
        }

        if (spec.Kind == IncludeKind.Url || (spec.Kind == IncludeKind.Heuristic && hasScheme && !Path.IsPathRooted(spec.Name)))
        {
            throw new HoconException(spec.At, $"include of the URL {QuotedText.Quote(spec.Name)} is not supported: only local files can be included");
        }

        return spec.Name;
    }

    private static List<string> Candidates(string target)
    {
        if (Path.GetExtension(target).Length > 0)
        {
            return File.Exists(target) ? [target] : [];
        }

        // Spec order: properties, then JSON, then HOCON, each merged over the ones before.
        var found = Tried(target).Where(File.Exists).ToList();
        return found.Count == 0 && File.Exists(target) ? [target] : found;
    }

    private static IEnumerable<string> Tried(string target) =>
        Path.GetExtension(target).Length > 0 ? [target] : Extensions.Select(extension => target + extension);

    private ObjectNode Load(string path, HoconPath prefix, int depth, HoconOrigin at)
    {
        var identity = Path.GetFullPath(path);
        if (chain.Contains(identity, StringComparer.Ordinal))
        {
            throw new HoconException(at, $"include cycle: {path} is already being loaded ({string.Join(" -> ", chain)} -> {identity})");
        }

        if (chain.Count >= HoconLimits.MaxIncludeDepth)
        {
            throw new HoconException(at, $"includes nest more than {HoconLimits.MaxIncludeDepth} files deep");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(at, $"could not read {path}: {error.Message}", error);
        }

        chain.Add(identity);
        try
        {
            var syntax = SyntaxOf(path);
            if (syntax == SourceSyntax.Properties)
            {
                return PropertiesParser.Parse(text, path);
            }

            var context = new ParseContext(path, syntax, Path.GetDirectoryName(path) ?? string.Empty, prefix, this, depth);
            return DocumentParser.ParseDocument(text, context);
        }
        finally
        {
            chain.RemoveAt(chain.Count - 1);
        }
    }

    private static SourceSyntax SyntaxOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => SourceSyntax.Json,
        ".properties" => SourceSyntax.Properties,
        _ => SourceSyntax.Hocon,
    };
}
