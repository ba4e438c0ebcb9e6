namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>What a parse needs to know about the source it reads.</summary>
/// <param name="OriginName">The file path or origin name used in positions and errors.</param>
/// <param name="Syntax">HOCON or JSON.</param>
/// <param name="IncludeDirectory">The folder relative includes resolve against; null means the current folder.</param>
/// <param name="SubstitutionPrefix">Where this source is included, prepended to its substitutions' paths.</param>
/// <param name="Includes">Loads included files and detects include cycles.</param>
/// <param name="Depth">How deeply nested the include statement that led here was.</param>
internal sealed record ParseContext(
    string OriginName,
    SourceSyntax Syntax,
    string? IncludeDirectory,
    HoconPath SubstitutionPrefix,
    IncludeLoader Includes,
    int Depth);
