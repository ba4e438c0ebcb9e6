namespace MeshActors.Configuration;

/// <summary>The configuration is invalid; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class ConfigValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public ConfigValidationException(IReadOnlyList<ConfigError> errors)
        : base($"Invalid configuration ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):" + Environment.NewLine +
               string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>Every problem, in the order the settings were read.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
