using Akka.Configuration;

namespace MeshActors.Configuration;

/// <summary>
/// Builds the configuration from its layers — <c>reference.conf</c> &lt; the application's HOCON
/// &lt; files &lt; environment &lt; <c>--set</c> — merges them with Akka's HOCON parser (a later
/// layer's <c>${path}</c> sees the earlier layers), validates it, and warns about unknown settings.
/// </summary>
public static class MeshConfigLoader
{
    /// <summary>Where the application's own HOCON is said to come from in messages.</summary>
    public const string ApplicationOrigin = "application HOCON (AddHocon)";

    private static readonly Lazy<string> ReferenceText = new(() =>
    {
        using var stream = typeof(MeshConfigLoader).Assembly.GetManifestResourceStream("MeshActors.reference.conf")
            ?? throw new InvalidOperationException("reference.conf is not embedded in the MeshActors assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<UnknownKeys> ReferenceKeys = new(() => new UnknownKeys(ConfigurationFactory.ParseString(Reference)));

    /// <summary>The text of the embedded <c>reference.conf</c>.</summary>
    public static string Reference => ReferenceText.Value;

    /// <summary>Loads and validates the configuration.</summary>
    /// <param name="sources">Files, environment and overrides.</param>
    /// <param name="application">The application's own HOCON (an embedder's <c>AddHocon</c>); only its
    /// <c>meshactors</c> section is read. Null: none.</param>
    /// <exception cref="ConfigFileException">A file is missing or malformed; the message names the absolute path (and line).</exception>
    /// <exception cref="ConfigValidationException">Settings are invalid; every problem is listed.</exception>
    public static LoadedConfig Load(ConfigSources sources, Config? application = null)
    {
        var layers = Merge(sources, application);
        var options = MeshActorsOptionsBinder.Bind(layers);
        var warnings = ReferenceKeys.Value.Warnings(layers).ToList();
        return new LoadedConfig(layers, options, warnings);
    }

    /// <summary>Whether a leaf under <c>meshactors</c> is a setting reference.conf defines (unknown
    /// settings are ignored, and left out of printed configuration).</summary>
    public static bool IsKnownSetting(string path) => ReferenceKeys.Value.IsKnown(path);

    /// <summary>Merges the layers without validating them.</summary>
    /// <exception cref="ConfigFileException">A file is missing or malformed.</exception>
    /// <exception cref="ConfigValidationException">An override is not of the form path=value, or an environment name is malformed.</exception>
    public static LayeredConfig Merge(ConfigSources sources, Config? application = null)
    {
        var layers = new List<ConfigLayer> { new("reference.conf", Reference) };
        if (application is not null && application.HasPath("meshactors"))
        {
            layers.Add(new(ApplicationOrigin, "meshactors = " + HoconJson.ToText(application.GetValue("meshactors"))));
        }

        foreach (var file in sources.Files)
        {
            layers.Add(ReadFile(file, sources.WorkingDirectory));
        }

        foreach (var (path, value, origin) in EnvironmentOverrides.From(sources.Environment))
        {
            layers.Add(new(origin, path + " = " + value));
        }

        foreach (var assignment in sources.Overrides)
        {
            var split = assignment.IndexOf('=');
            if (split <= 0)
            {
                throw new ConfigValidationException([new ConfigError(assignment, "--set", "is not of the form path=value", "write --set meshactors.control.port=7071")]);
            }

            var path = assignment[..split].Trim();
            layers.Add(new("--set " + path, path + " = " + assignment[(split + 1)..]));
        }

        return new LayeredConfig(layers, sources.WorkingDirectory);
    }

    private static ConfigLayer ReadFile(string file, string? workingDirectory)
    {
        var full = Path.GetFullPath(file, workingDirectory ?? Directory.GetCurrentDirectory());
        try
        {
            return new ConfigLayer(full, File.ReadAllText(full), Path.GetDirectoryName(full));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "the configuration file does not exist" : "the configuration file cannot be read: " + ex.Message;
            throw new ConfigFileException(full, problem + " (a relative path is resolved against the working directory)", ex);
        }
    }
}
