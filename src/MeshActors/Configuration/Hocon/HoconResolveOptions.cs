namespace MeshActors.Configuration.Hocon;

/// <summary>How substitutions are resolved.</summary>
public sealed class HoconResolveOptions
{
    /// <summary>
    /// Whether a substitution that matches nothing in the configuration falls back to the
    /// environment variable of the same name (<c>${HOME}</c> reads <c>HOME</c>, <c>${a.b}</c> reads
    /// <c>a.b</c>). Off by default, so a configuration means the same on every machine. A key set to
    /// null in the configuration still hides the variable; an empty variable counts as unset.
    /// </summary>
    public bool UseEnvironmentFallback { get; init; }

    /// <summary>
    /// Reads an environment variable for the fallback; by default
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>. Tests pass a dictionary lookup.
    /// </summary>
    public Func<string, string?>? EnvironmentLookup { get; init; }
}
