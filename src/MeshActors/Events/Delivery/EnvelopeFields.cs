using System.Text;
using MeshActors.Events.Envelope;

namespace MeshActors.Events.Delivery;

/// <summary>Reads the source and topic of an envelope that already decoded (one the router admitted
/// and Plumtree keeps), by the fixed layout in <c>Events/Envelope/README.md</c>, without copying the payload.</summary>
internal static class EnvelopeFields
{
    private const int SourceLengthOffset = 44;

    public static (string Source, string Topic) Read(ReadOnlySpan<byte> envelope)
    {
        var sourceLength = envelope[SourceLengthOffset];
        var source = Encoding.ASCII.GetString(envelope.Slice(SourceLengthOffset + 1, sourceLength));
        var topicAt = SourceLengthOffset + 1 + sourceLength;
        var topic = Encoding.ASCII.GetString(envelope.Slice(topicAt + 1, envelope[topicAt]));
        return (source, topic);
    }

    /// <summary>Plumtree's 64-bit message id of an event: the two halves of its id XORed.</summary>
    public static long PlumtreeId(EventId id) => (long)(id.High ^ id.Low);
}
