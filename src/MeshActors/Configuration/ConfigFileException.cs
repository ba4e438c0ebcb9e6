namespace MeshActors.Configuration;

/// <summary>A configuration file (or value) is malformed or cannot be read; the message starts
/// with <c>file:line:column</c> when the place is known, and always names the absolute path tried.</summary>
public sealed class ConfigFileException : Exception
{
    /// <summary>A problem at a place in <paramref name="origin"/>.</summary>
    public ConfigFileException(string origin, int line, int column, string problem)
        : base($"{origin}:{line}:{column}: {problem}")
    {
        Origin = origin;
    }

    /// <summary>A problem with <paramref name="origin"/> as a whole (e.g. it cannot be read).</summary>
    public ConfigFileException(string origin, string problem, Exception? inner = null)
        : base($"{origin}: {problem}", inner)
    {
        Origin = origin;
    }

    /// <summary>The file (absolute path) or other source the problem is in.</summary>
    public string Origin { get; }
}
