namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>How an include statement names its resource.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a URL if it has a scheme, otherwise a file.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("name")</c>.</summary>
    Url,

    /// <summary><c>include classpath("name")</c>.</summary>
    Classpath,
}

/// <summary>One parsed include statement.</summary>
/// <param name="Name">The quoted resource name.</param>
/// <param name="Kind">How the name is to be interpreted.</param>
/// <param name="Required">Whether a missing resource is an error (<c>required(...)</c>).</param>
/// <param name="At">Where the statement is, for errors.</param>
internal sealed record IncludeSpec(string Name, IncludeKind Kind, bool Required, HoconOrigin At);
