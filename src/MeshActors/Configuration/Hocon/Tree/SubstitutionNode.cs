namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// A <c>${path}</c> or <c>${?path}</c>. A substitution read from an included file carries the
/// include's location as <see cref="Prefix"/>: it is looked up at prefix + path first, then at
/// the plain path from the root (unless <see cref="FallbackToRoot"/> is off, as for <c>+=</c>).
/// </summary>
internal sealed class SubstitutionNode : ConfigNode
{
    public SubstitutionNode(HoconPath path, bool optional, HoconPath prefix, bool fallbackToRoot, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        Prefix = prefix;
        FallbackToRoot = fallbackToRoot;
    }

    public HoconPath Path { get; }

    public bool Optional { get; }

    public HoconPath Prefix { get; }

    public bool FallbackToRoot { get; }

    /// <summary>Renders the substitution as written, for messages: <c>${a.b}</c> or <c>${?a.b}</c>.</summary>
    public string Render() => (Optional ? "${?" : "${") + Path.Render() + "}";
}
