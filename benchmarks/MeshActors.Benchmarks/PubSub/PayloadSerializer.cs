using Akka.Actor;
using Akka.Serialization;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>Writes <see cref="PayloadMessage"/> as its bytes, nothing added.</summary>
internal sealed class PayloadSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <inheritdoc />
    public override int Identifier => 7400;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => ((PayloadMessage)obj).Bytes;

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => new PayloadMessage(bytes);

    /// <inheritdoc />
    public override string Manifest(object o) => "P";
}
