namespace MeshActors.Configuration;

/// <summary>The layers above <c>reference.conf</c> and the application's HOCON, lowest first:
/// files, then environment variables, then <c>--set</c> overrides.</summary>
public sealed record ConfigSources
{
    /// <summary>Configuration files, in order; later files override earlier ones.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Environment variables; only names starting with <c>MESHACTORS__</c> are read.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>path=value</c> overrides, in order; each value is read as a HOCON value.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The folder relative <see cref="Files"/> are resolved against; null: the process's
    /// working directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The process's own environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
}
