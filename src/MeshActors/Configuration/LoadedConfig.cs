using MeshActors.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>A resolved, validated configuration and the warnings met on the way.</summary>
/// <param name="Root">The whole resolved tree, reference defaults included.</param>
/// <param name="Options">The validated <c>meshactors.*</c> settings.</param>
/// <param name="Warnings">Problems that do not stop the node, such as unknown settings.</param>
public sealed record LoadedConfig(HoconObject Root, MeshActorsOptions Options, IReadOnlyList<string> Warnings);
