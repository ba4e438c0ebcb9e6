using System.Buffers.Binary;
using System.Collections.Immutable;
using MeshActors.Security;
using MeshActors.Views.Overlay;
using M = MeshActors.Views.HyParViewMessage<MeshActors.Views.Overlay.OverlayPeer>;

namespace MeshActors.Views.Wire;

/// <summary>
/// The binary form of every <see cref="IOverlayWire"/> message (layout in this folder's README): a
/// version byte, a kind byte, the sender, then the kind's fields; big-endian integers and
/// length-prefixed ASCII strings. Every message has exactly one encoding. <see cref="Decode"/> never
/// throws: it checks each length against the caps and the bytes left before it allocates, and says
/// why it refused.
/// </summary>
public static class OverlayCodec
{
    /// <summary>The layout version this codec writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>The longest node id: 64 ASCII characters (<see cref="MeshIdentity.IdRule"/>).</summary>
    public const int MaxNodeIdBytes = 64;

    /// <summary>The longest Akka address: 255 printable ASCII characters.</summary>
    public const int MaxAddressBytes = 255;

    /// <summary>The most peers in a shuffle sample or entries in a PEX response.</summary>
    public const int MaxEntries = 64;

    /// <summary>The longest peer on the wire: two length bytes and the longest id and address.</summary>
    public const int MaxPeerBytes = 2 + MaxNodeIdBytes + MaxAddressBytes;

    /// <summary>The longest PEX entry: a peer, the last-seen time and the score.</summary>
    public const int MaxPexEntryBytes = MaxPeerBytes + 8 + 8;

    /// <summary>The longest message: a full PEX response (a shuffle is shorter). Longer input is refused unread.</summary>
    public const int MaxMessageBytes = 2 + MaxPeerBytes + 1 + 1 + (MaxEntries * MaxPexEntryBytes);

    /// <summary>The kind byte <paramref name="message"/> is written with.</summary>
    /// <exception cref="ArgumentException">The message is not one of the overlay's.</exception>
    public static OverlayWireKind KindOf(IOverlayWire message) => message switch
    {
        ViewEnvelope { Message: M.Join } => OverlayWireKind.Join,
        ViewEnvelope { Message: M.ForwardJoin } => OverlayWireKind.ForwardJoin,
        ViewEnvelope { Message: M.ForwardJoinAccepted } => OverlayWireKind.ForwardJoinAccepted,
        ViewEnvelope { Message: M.Neighbor } => OverlayWireKind.Neighbor,
        ViewEnvelope { Message: M.NeighborReply } => OverlayWireKind.NeighborReply,
        ViewEnvelope { Message: M.Disconnect } => OverlayWireKind.Disconnect,
        ViewEnvelope { Message: M.Shuffle } => OverlayWireKind.Shuffle,
        ViewEnvelope { Message: M.ShuffleReply } => OverlayWireKind.ShuffleReply,
        OverlayPing => OverlayWireKind.Ping,
        OverlayPong => OverlayWireKind.Pong,
        PexRequest => OverlayWireKind.PexRequest,
        PexResponse => OverlayWireKind.PexResponse,
        _ => throw new ArgumentException($"{message?.GetType().Name ?? "null"} is not an overlay message", nameof(message)),
    };

    /// <summary>The encoded length of <paramref name="message"/> in bytes, without encoding it (for byte counters).</summary>
    /// <exception cref="ArgumentException">A field breaks the layout's rules (see <see cref="Encode"/>).</exception>
    public static int Size(IOverlayWire message)
    {
        var kind = KindOf(message);
        var size = 2 + PeerSize(message.From);
        return size + message switch
        {
            ViewEnvelope { Message: M.ForwardJoin f } => PeerSize(f.NewNode) + 4,
            ViewEnvelope { Message: M.Neighbor n } => Enum.IsDefined(n.Priority) ? 1 : throw new ArgumentException($"unknown priority {n.Priority}", nameof(message)),
            ViewEnvelope { Message: M.NeighborReply } => 1,
            ViewEnvelope { Message: M.Shuffle s } => PeerSize(s.Origin) + 4 + ListSize(s.Sample),
            ViewEnvelope { Message: M.ShuffleReply r } => ListSize(r.Sample),
            OverlayPing or OverlayPong => 8,
            PexRequest => 4,
            PexResponse p => 1 + EntriesSize(p.Peers),
            _ => kind is OverlayWireKind.Join or OverlayWireKind.ForwardJoinAccepted or OverlayWireKind.Disconnect ? 0 : throw new ArgumentException("unreachable", nameof(message)),
        };
    }

    /// <summary>The bytes of <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">A node id breaks <see cref="MeshIdentity.IdRule"/>, an address is
    /// empty, longer than 255 or not printable ASCII, a list has more than <see cref="MaxEntries"/>
    /// entries, a priority is unknown, or a score is not finite.</exception>
    public static byte[] Encode(IOverlayWire message)
    {
        var buffer = new byte[Size(message)];
        var w = new Writer(buffer);
        w.Byte(Version);
        w.Byte((byte)KindOf(message));
        w.Peer(message.From);
        switch (message)
        {
            case ViewEnvelope { Message: M.ForwardJoin f }:
                w.Peer(f.NewNode);
                w.Int32(f.TimeToLive);
                break;
            case ViewEnvelope { Message: M.Neighbor n }:
                w.Byte(n.Priority switch { NeighborPriority.Low => 0, NeighborPriority.High => 1, _ => throw new ArgumentException($"unknown priority {n.Priority}", nameof(message)) });
                break;
            case ViewEnvelope { Message: M.NeighborReply r }:
                w.Byte(r.Accepted ? (byte)1 : (byte)0);
                break;
            case ViewEnvelope { Message: M.Shuffle s }:
                w.Peer(s.Origin);
                w.Int32(s.TimeToLive);
                w.Peers(s.Sample);
                break;
            case ViewEnvelope { Message: M.ShuffleReply r }:
                w.Peers(r.Sample);
                break;
            case OverlayPing p:
                w.Int64(p.Nonce);
                break;
            case OverlayPong p:
                w.Int64(p.Nonce);
                break;
            case PexRequest r:
                w.Int32(r.Max);
                break;
            case PexResponse r:
                w.Byte(r.Refused ? (byte)1 : (byte)0);
                w.Entries(r.Peers);
                break;
        }

        return buffer;
    }

    /// <summary>Reads a message. Never throws for any input; a refusal names the field at fault.</summary>
    public static OverlayDecodeResult Decode(ReadOnlySpan<byte> input) => OverlayDecoder.Decode(input);

    internal static bool IsAddressByte(byte b) => b is >= 0x21 and <= 0x7E;

    private static int PeerSize(OverlayPeer peer)
    {
        MeshIdentity.RequireValidId(peer.NodeId, nameof(peer));
        if (peer.Address is null || peer.Address.Length is 0 or > MaxAddressBytes || !peer.Address.All(c => c < 0x80 && IsAddressByte((byte)c)))
        {
            throw new ArgumentException($"the address of {peer.NodeId} is not 1 to {MaxAddressBytes} printable ASCII characters", nameof(peer));
        }

        return 2 + peer.NodeId.Length + peer.Address.Length;
    }

    private static int ListSize(ImmutableArray<OverlayPeer> peers)
    {
        CheckCount(peers.IsDefault ? 0 : peers.Length);
        return 1 + (peers.IsDefault ? 0 : peers.Sum(PeerSize));
    }

    private static int EntriesSize(ImmutableArray<PexEntry> entries)
    {
        CheckCount(entries.IsDefault ? 0 : entries.Length);
        return 1 + (entries.IsDefault ? 0 : entries.Sum(e => double.IsFinite(e.Score)
            ? PeerSize(new OverlayPeer(e.NodeId, e.Address)) + 16
            : throw new ArgumentException($"the score of {e.NodeId} is not a finite number", nameof(entries))));
    }

    private static void CheckCount(int count)
    {
        if (count > MaxEntries)
        {
            throw new ArgumentException($"{count} entries; a message carries at most {MaxEntries}", nameof(count));
        }
    }

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _at;

        public void Byte(byte value) => _buffer[_at++] = value;

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer[_at..], value);
            _at += 4;
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(_buffer[_at..], value);
            _at += 8;
        }

        public void Text(string text)
        {
            Byte((byte)text.Length);
            foreach (var c in text)
            {
                Byte((byte)c);
            }
        }

        public void Peer(OverlayPeer peer)
        {
            Text(peer.NodeId);
            Text(peer.Address);
        }

        public void Peers(ImmutableArray<OverlayPeer> peers)
        {
            var list = peers.IsDefault ? [] : peers;
            Byte((byte)list.Length);
            foreach (var peer in list)
            {
                Peer(peer);
            }
        }

        public void Entries(ImmutableArray<PexEntry> entries)
        {
            var list = entries.IsDefault ? [] : entries;
            Byte((byte)list.Length);
            foreach (var e in list)
            {
                Text(e.NodeId);
                Text(e.Address);
                Int64(e.LastSeenUnixMs);
                Int64(BitConverter.DoubleToInt64Bits(e.Score));
            }
        }
    }
}
