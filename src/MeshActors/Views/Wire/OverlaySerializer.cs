using System.Globalization;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace MeshActors.Views.Wire;

/// <summary>
/// Akka.NET's serializer for every <see cref="IOverlayWire"/> message, bound to the interface in the
/// <c>akka.actor.serialization-bindings</c> that <c>AkkaSettings</c> writes. The bytes are
/// <see cref="OverlayCodec"/>'s; the manifest is the kind byte in decimal (<c>"1"</c> for a join), so
/// a receiver knows the kind before it reads. A message that does not decode, or whose kind is not
/// its manifest, throws <see cref="SerializationException"/> naming the failure: Akka.Remote then
/// drops that one message and logs it, and the link stays up.
/// </summary>
public sealed class OverlaySerializer : SerializerWithStringManifest
{
    /// <summary>This serializer's identifier on the wire; unique among the system's serializers
    /// (Akka reserves 0 to 40 for its own).</summary>
    public const int SerializerId = 9713;

    /// <summary>Created by Akka from the <c>akka.actor.serializers</c> entry.</summary>
    public OverlaySerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override string Manifest(object o) =>
        ((byte)OverlayCodec.KindOf(Overlay(o))).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => OverlayCodec.Encode(Overlay(obj));

    /// <inheritdoc />
    /// <exception cref="SerializationException">The bytes do not decode, or hold another kind than <paramref name="manifest"/>.</exception>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var result = OverlayCodec.Decode(bytes);
        if (!result.Succeeded)
        {
            throw new SerializationException($"overlay message refused ({result.Failure}): {result.Detail}");
        }

        var kind = ((byte)OverlayCodec.KindOf(result.Message)).ToString(CultureInfo.InvariantCulture);
        return kind == manifest
            ? result.Message
            : throw new SerializationException($"overlay message refused: the manifest says kind \"{manifest}\" but the bytes hold kind {kind}");
    }

    private static IOverlayWire Overlay(object o) =>
        o as IOverlayWire ?? throw new ArgumentException($"{o?.GetType().FullName ?? "null"} is not an overlay message; only {nameof(IOverlayWire)} is bound to this serializer", nameof(o));
}
