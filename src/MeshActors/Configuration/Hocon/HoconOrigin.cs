namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Where a HOCON value or error comes from: the origin name (a file path, or a name given for
/// text), and the 1-based line and column of the first character.
/// </summary>
/// <param name="Name">The file path or origin name, for example <c>app.conf</c>.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in UTF-16 characters.</param>
public sealed record HoconOrigin(string Name, int Line, int Column)
{
    /// <summary>Renders the origin as <c>name:line:column</c>, the prefix of every error message.</summary>
    public override string ToString() => $"{Name}:{Line}:{Column}";
}
