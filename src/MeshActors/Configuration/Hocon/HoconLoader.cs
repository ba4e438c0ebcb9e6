using MeshActors.Configuration.Hocon.Resolution;
using MeshActors.Configuration.Hocon.Syntax;
using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Builds one configuration from ordered layers (files, text, single values). A later layer
/// overrides an earlier one exactly as if it were included after it: objects merge, other values
/// replace, and a self-reference such as <c>a = ${a} [3]</c> sees the earlier layers' value.
/// Substitutions are resolved once, over all layers, by <see cref="Resolve"/>.
/// </summary>
/// <remarks>Each <c>Add</c> method reads and parses at once, so syntax errors surface where the layer is added.</remarks>
public sealed class HoconLoader
{
    private readonly List<ObjectNode> layers = [];

    /// <summary>Adds a file; its extension picks the format (<c>.json</c>, <c>.properties</c>, otherwise HOCON).</summary>
    /// <param name="path">The file. Its relative includes resolve against its folder.</param>
    /// <param name="optional">When true, a missing file adds nothing instead of failing.</param>
    /// <exception cref="HoconException">The file does not exist (unless optional), cannot be read, or is invalid.</exception>
    public HoconLoader AddFile(string path, bool optional = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (optional && !File.Exists(path))
        {
            return this;
        }

        layers.Add(new IncludeLoader().LoadFile(path));
        return this;
    }

    /// <summary>Adds HOCON text.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="originName">The name errors and origins use for this text, for example <c>defaults</c>.</param>
    /// <param name="includeDirectory">The folder relative includes resolve against; the current folder when null.</param>
    /// <exception cref="HoconException">The text is not valid HOCON, or an include fails.</exception>
    public HoconLoader AddText(string text, string originName, string? includeDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(originName);
        layers.Add(DocumentParser.ParseDocument(text, Context(originName, includeDirectory)));
        return this;
    }

    /// <summary>
    /// Sets one value, as the line <c>path = valueText</c> would. The value is HOCON:
    /// <c>["10.0.0.1:7946","10.0.0.2:7946"]</c> is an array, <c>5s</c> the string "5s",
    /// <c>${a.b}</c> a substitution, <c>${path} [3]</c> appends to the earlier layers' array.
    /// </summary>
    /// <param name="path">The path expression, for example <c>meshactors.node.id</c>.</param>
    /// <param name="valueText">The value in HOCON syntax.</param>
    /// <param name="originName">The name errors use for this value, for example <c>--set meshactors.node.id</c>.</param>
    /// <exception cref="HoconException">The path or value is not valid HOCON.</exception>
    public HoconLoader AddValue(string path, string valueText, string originName)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(valueText);
        ArgumentNullException.ThrowIfNull(originName);
        var key = HoconPath.Parse(path, originName);
        var value = DocumentParser.ParseFieldValue(valueText, Context(originName, null), key);
        layers.Add(ObjectNode.Wrap(key, value, new HoconOrigin(originName, 1, 1)));
        return this;
    }

    /// <summary>Merges the layers in order and resolves every substitution.</summary>
    /// <param name="options">Resolution options; by default no environment fallback.</param>
    /// <returns>The resolved root object.</returns>
    /// <exception cref="HoconException">A substitution cannot be resolved, or substitutions form a cycle.</exception>
    public HoconObject Resolve(HoconResolveOptions? options = null)
    {
        var root = layers.Count == 0
            ? ObjectNode.Empty(new HoconOrigin("<empty>", 1, 1))
            : layers.Skip(1).Aggregate(layers[0], (merged, layer) => (ObjectNode)NodeMerger.Merge(merged, layer));
        return HoconResolver.Resolve(root, options ?? new HoconResolveOptions());
    }

    private static ParseContext Context(string originName, string? includeDirectory) =>
        new(originName, SourceSyntax.Hocon, includeDirectory, HoconPath.Root, new IncludeLoader(), 0);
}
