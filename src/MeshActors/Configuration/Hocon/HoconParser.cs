namespace MeshActors.Configuration.Hocon;

/// <summary>One-call parsing of a single HOCON source, resolved and ready to read.</summary>
public static class HoconParser
{
    /// <summary>Parses and resolves HOCON text.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="originName">The name errors use for the text.</param>
    /// <param name="options">Resolution options; by default no environment fallback.</param>
    /// <exception cref="HoconException">The text is invalid or a substitution cannot be resolved.</exception>
    public static HoconObject ParseText(string text, string originName = "<text>", HoconResolveOptions? options = null) =>
        new HoconLoader().AddText(text, originName).Resolve(options);

    /// <summary>Parses and resolves a file; the extension picks HOCON, JSON or properties.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Resolution options; by default no environment fallback.</param>
    /// <exception cref="HoconException">The file is missing or invalid, or a substitution cannot be resolved.</exception>
    public static HoconObject ParseFile(string path, HoconResolveOptions? options = null) =>
        new HoconLoader().AddFile(path).Resolve(options);
}
