using Akka.Configuration;

namespace MeshActors.Configuration;

/// <summary>A resolved, validated configuration and the warnings met on the way.</summary>
/// <param name="Layers">The layers and their merge, reference defaults included.</param>
/// <param name="Options">The validated <c>meshactors.*</c> settings.</param>
/// <param name="Warnings">Problems that do not stop the node, such as unknown settings.</param>
public sealed record LoadedConfig(LayeredConfig Layers, MeshActorsOptions Options, IReadOnlyList<string> Warnings)
{
    /// <summary>The merged configuration (Akka's <see cref="Config"/>), every layer applied.</summary>
    public Config Root => Layers.Resolved;
}
