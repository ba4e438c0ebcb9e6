using Akka.Actor;

namespace MeshActors.Discovery.Coordination;

/// <summary>Creates <see cref="MeshDiscovery"/> once per ActorSystem (Akka's extension id).</summary>
public sealed class MeshDiscoveryExtension : ExtensionIdProvider<MeshDiscovery>
{
    /// <inheritdoc/>
    public override MeshDiscovery CreateExtension(ExtendedActorSystem system) => new(system);
}
