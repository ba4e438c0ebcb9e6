using MeshActors.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>
/// Builds the configuration from its layers — <c>reference.conf</c> &lt; files &lt; environment
/// &lt; <c>--set</c> — resolves it once (a later layer's <c>${path}</c> sees the earlier layers),
/// validates it, and warns about unknown settings.
/// </summary>
public static class MeshConfigLoader
{
    private static readonly Lazy<string> ReferenceText = new(() =>
    {
        using var stream = typeof(MeshConfigLoader).Assembly.GetManifestResourceStream("MeshActors.reference.conf")
            ?? throw new InvalidOperationException("reference.conf is not embedded in the MeshActors assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The text of the embedded <c>reference.conf</c>.</summary>
    public static string Reference => ReferenceText.Value;

    /// <summary>Loads and validates the configuration from <paramref name="sources"/>.</summary>
    /// <exception cref="HoconException">A file or value is malformed; the message starts with <c>file:line:column</c>.</exception>
    /// <exception cref="ConfigValidationException">Settings are invalid; every problem is listed.</exception>
    public static LoadedConfig Load(ConfigSources sources)
    {
        var root = Resolve(sources);
        var options = MeshActorsOptionsBinder.Bind(root);
        var warnings = UnknownKeys.Warnings(ReferenceTree(), root).ToList();
        return new LoadedConfig(root, options, warnings);
    }

    /// <summary>Resolves the layers into one tree without validating it.</summary>
    public static HoconObject Resolve(ConfigSources sources) => CreateLoader(sources).Resolve();

    /// <summary>A loader holding every layer of <paramref name="sources"/>, not yet resolved.</summary>
    public static HoconLoader CreateLoader(ConfigSources sources)
    {
        var loader = new HoconLoader();
        loader.AddText(Reference, "reference.conf");
        foreach (var file in sources.Files)
        {
            loader.AddFile(file);
        }

        foreach (var (path, value, origin) in EnvironmentOverrides.From(sources.Environment))
        {
            loader.AddValue(path, value, origin);
        }

        foreach (var assignment in sources.Overrides)
        {
            var split = assignment.IndexOf('=');
            if (split <= 0)
            {
                throw new ConfigValidationException([new ConfigError(assignment, "--set", "is not of the form path=value", "write --set meshactors.control.port=7071")]);
            }

            loader.AddValue(assignment[..split].Trim(), assignment[(split + 1)..], "--set " + assignment[..split].Trim());
        }

        return loader;
    }

    private static HoconObject ReferenceTree() => HoconParser.ParseText(Reference, "reference.conf");
}
