using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using MeshActors.Events.Envelope;
using MeshActors.Security;

namespace MeshActors.Events.Delivery;

/// <summary>
/// The binary serializer of <see cref="IEventWire"/> (identifier <see cref="Id"/>, registered as
/// <c>mesh-events</c>). Big-endian; a node id is a one-byte length and ASCII; the layout of each
/// message is in this folder's README. Decoding checks every length against a fixed cap and the
/// bytes left before it allocates, refuses trailing bytes, and throws
/// <see cref="SerializationException"/> naming the field at fault for any bad input.
/// </summary>
public sealed class EventWireSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's fixed identifier.</summary>
    public const int Id = 9714;

    /// <summary>The largest envelope accepted: the largest any configuration allows (16 MiB payload).</summary>
    public static readonly int MaxEnvelopeBytes = new EnvelopeLimits(EnvelopeLimits.PayloadCeiling).MaxEnvelopeBytes;

    /// <summary>The largest certificate accepted, in DER bytes.</summary>
    public const int MaxCertificateBytes = 16 * 1024;

    /// <summary>The most announcements one <see cref="EventIHaveBatch"/> carries (3 KiB of them).</summary>
    public const int MaxAnnouncements = 256;

    /// <summary>Akka's constructor.</summary>
    public EventWireSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        EventGossip => "g",
        EventIHave => "h",
        EventIHaveBatch => "b",
        EventGraft => "r",
        EventPrune => "p",
        EventCertificateMissing => "m",
        EventCertificate => "c",
        _ => throw new ArgumentException($"{o?.GetType()} is not an event wire message", nameof(o)),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => Encode((IEventWire)obj);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => Decode(bytes, manifest);

    /// <summary>The encoding of <paramref name="message"/>.</summary>
    public static byte[] Encode(IEventWire message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new byte[SizeOf(message)];
        var at = WriteId(buffer, 0, message.From);
        switch (message)
        {
            case EventGossip g:
                at = WriteIdRound(buffer, at, g.Id, g.Round);
                at = WriteBlob32(buffer, at, g.Envelope.Span);
                WriteBlob16(buffer, at, g.SourceCertificate.Span);
                break;
            case EventIHave h:
                WriteIdRound(buffer, at, h.Id, h.Round);
                break;
            case EventIHaveBatch b:
                BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(at), (ushort)b.Announcements.Length);
                at += 2;
                foreach (var a in b.Announcements)
                {
                    at = WriteIdRound(buffer, at, a.Id, a.Round);
                }

                break;
            case EventGraft r:
                WriteIdRound(buffer, at, r.Id, r.Round);
                break;
            case EventCertificateMissing m:
                WriteId(buffer, at, m.Source);
                break;
            case EventCertificate c:
                WriteBlob16(buffer, WriteId(buffer, at, c.Source), c.Certificate.Span);
                break;
        }

        return buffer;
    }

    /// <summary>The encoded size of <paramref name="message"/> in bytes.</summary>
    public static int SizeOf(IEventWire message) => 1 + message.From.Length + message switch
    {
        EventGossip g => 12 + 4 + g.Envelope.Length + 2 + g.SourceCertificate.Length,
        EventIHave or EventGraft => 12,
        EventIHaveBatch b => 2 + (12 * b.Announcements.Length),
        EventPrune => 0,
        EventCertificateMissing m => 1 + m.Source.Length,
        EventCertificate c => 1 + c.Source.Length + 2 + c.Certificate.Length,
        _ => throw new ArgumentException($"{message.GetType()} is not an event wire message", nameof(message)),
    };

    /// <summary>Reads a message. Throws <see cref="SerializationException"/> naming the problem for any bad input.</summary>
    public static IEventWire Decode(ReadOnlySpan<byte> bytes, string manifest)
    {
        var reader = new Reader(bytes);
        var from = reader.NodeId("from");
        IEventWire message = manifest switch
        {
            "g" => new EventGossip(from, reader.Int64("id"), reader.Round(), reader.Blob32("envelope", MaxEnvelopeBytes), reader.Blob16("certificate", MaxCertificateBytes)),
            "h" => new EventIHave(from, reader.Int64("id"), reader.Round()),
            "b" => new EventIHaveBatch(from, reader.Announcements()),
            "r" => new EventGraft(from, reader.Int64("id"), reader.Round()),
            "p" => new EventPrune(from),
            "m" => new EventCertificateMissing(from, reader.NodeId("source")),
            "c" => new EventCertificate(from, reader.NodeId("source"), reader.Blob16("certificate", MaxCertificateBytes)),
            _ => throw new SerializationException($"event wire: unknown manifest \"{manifest}\"; expected g, h, b, r, p, m or c"),
        };
        if (reader.Remaining > 0)
        {
            throw new SerializationException($"event wire: {reader.Remaining} bytes follow the {manifest} message");
        }

        return message;
    }

    private static int WriteId(byte[] buffer, int at, string id)
    {
        buffer[at] = (byte)Encoding.ASCII.GetBytes(id, buffer.AsSpan(at + 1));
        return at + 1 + id.Length;
    }

    private static int WriteIdRound(byte[] buffer, int at, long id, int round)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(at), id);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at + 8), round);
        return at + 12;
    }

    private static int WriteBlob32(byte[] buffer, int at, ReadOnlySpan<byte> blob)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), blob.Length);
        blob.CopyTo(buffer.AsSpan(at + 4));
        return at + 4 + blob.Length;
    }

    private static int WriteBlob16(byte[] buffer, int at, ReadOnlySpan<byte> blob)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(at), (ushort)blob.Length);
        blob.CopyTo(buffer.AsSpan(at + 2));
        return at + 2 + blob.Length;
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly int Remaining => _bytes.Length - _at;

        public string NodeId(string field)
        {
            var length = Take(1, field)[0];
            var text = Encoding.ASCII.GetString(Take(length, field));
            return MeshIdentity.IsValidId(text) ? text : throw new SerializationException($"event wire: {field} \"{text}\" is not a node id ({MeshIdentity.IdRule})");
        }

        public long Int64(string field) => BinaryPrimitives.ReadInt64BigEndian(Take(8, field));

        public ImmutableArray<EventAnnouncement> Announcements()
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(Take(2, "announcement count"));
            if (count < 2 || count > MaxAnnouncements)
            {
                throw new SerializationException($"event wire: {count} announcements in a batch; 2 to {MaxAnnouncements} allowed");
            }

            var builder = ImmutableArray.CreateBuilder<EventAnnouncement>(count);
            for (var i = 0; i < count; i++)
            {
                builder.Add(new EventAnnouncement(Int64("id"), Round()));
            }

            return builder.MoveToImmutable();
        }

        public int Round()
        {
            var round = BinaryPrimitives.ReadInt32BigEndian(Take(4, "round"));
            return round >= 0 ? round : throw new SerializationException($"event wire: round {round} is negative");
        }

        public byte[] Blob32(string field, int max)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(Take(4, field + " length"));
            return length >= 0 && length <= max ? Take(length, field).ToArray() : throw new SerializationException($"event wire: {field} length {length} is not 0 to {max} bytes");
        }

        public byte[] Blob16(string field, int max)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(Take(2, field + " length"));
            return length <= max ? Take(length, field).ToArray() : throw new SerializationException($"event wire: {field} length {length} is more than {max} bytes");
        }

        private ReadOnlySpan<byte> Take(int count, string field)
        {
            if (count > Remaining)
            {
                throw new SerializationException($"event wire: the message ends in its {field} ({Remaining} of {count} bytes left)");
            }

            var span = _bytes.Slice(_at, count);
            _at += count;
            return span;
        }
    }
}
