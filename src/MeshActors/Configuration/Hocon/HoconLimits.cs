namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Bounds that keep hostile or broken input from exhausting the stack or the CPU. Real
/// configuration files stay far below each of them.
/// </summary>
internal static class HoconLimits
{
    /// <summary>Objects and arrays nested inside each other, counted across includes.</summary>
    public const int MaxNesting = 200;

    /// <summary>Files included inside each other.</summary>
    public const int MaxIncludeDepth = 50;

    /// <summary>Lookups in progress at once while resolving (long substitution chains).</summary>
    public const int MaxResolveDepth = 400;

    /// <summary>Resolution steps for one document before giving up.</summary>
    public const int MaxResolveSteps = 2_000_000;

    /// <summary>Containers nested inside each other in a resolved value.</summary>
    public const int MaxValueDepth = 400;
}
