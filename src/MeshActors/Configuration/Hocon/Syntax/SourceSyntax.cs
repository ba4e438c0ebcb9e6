namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>The formats a source or included file can be in, chosen by file extension.</summary>
internal enum SourceSyntax
{
    /// <summary>HOCON, for <c>.conf</c> and any unknown extension.</summary>
    Hocon,

    /// <summary>Strict JSON, for <c>.json</c>.</summary>
    Json,

    /// <summary>Java properties, for <c>.properties</c>: dotted keys, string values.</summary>
    Properties,
}
