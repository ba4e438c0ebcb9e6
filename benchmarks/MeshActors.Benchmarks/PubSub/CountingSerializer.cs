using Akka.Actor;
using Akka.Serialization;

namespace MeshActors.Benchmarks.PubSub;

/// <summary>
/// Decorates a system's own serializer and counts what it serializes into
/// <see cref="SerializationCounts"/>. Akka.Remote calls <c>ToBinary</c> once for each message it
/// sends to another ActorSystem (never for local sends, with <c>serialize-messages</c> off, as
/// here), so a top-level call is one message on the wire; a call made from inside another
/// (a wrapper serializing the payload it carries) only marks the outer message as carrying a
/// payload and is not counted again. Subclasses name the serializer they wrap and their own
/// identifier; they are bound in HOCON to the same types as the one they wrap (see
/// <see cref="DistributedPubSubUnderTest"/>). Deserializing is delegated; the only thing counted
/// there is a payload-carrying message arriving, per receiving ActorSystem (each system has its own
/// serializer instances), so a run can tell copies reaching subscribers from copies reaching nodes
/// that only relay them.
/// </summary>
internal abstract class CountingSerializer(ExtendedActorSystem system, SerializerWithStringManifest inner, bool isPayload)
    : SerializerWithStringManifest(system)
{
    [ThreadStatic]
    private static int _depth;

    [ThreadStatic]
    private static bool _sawPayload;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        if (_depth == 0)
        {
            _sawPayload = false;
        }

        _depth++;
        byte[] bytes;
        try
        {
            bytes = inner.ToBinary(obj);
        }
        finally
        {
            _depth--;
        }

        _sawPayload |= CarriesPayload(obj);
        if (_depth == 0)
        {
            SerializationCounts.Add(obj.GetType().FullName ?? obj.GetType().Name, _sawPayload, bytes.Length);
        }

        return bytes;
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var message = inner.FromBinary(bytes, manifest);
        if (CarriesPayload(message))
        {
            SerializationCounts.AddPayloadReceived(this.system);
        }

        return message;
    }

    /// <summary>Whether <paramref name="message"/> carries a publish's payload; by default what the
    /// constructor said for every type this serializer is bound to.</summary>
    protected virtual bool CarriesPayload(object message) => isPayload;

    /// <inheritdoc />
    public override string Manifest(object o) => inner.Manifest(o);
}
