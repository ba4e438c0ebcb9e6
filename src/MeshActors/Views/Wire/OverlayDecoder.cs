using System.Collections.Immutable;
using System.Text;
using MeshActors.Events.Envelope;
using MeshActors.Security;
using MeshActors.Views.Overlay;
using M = MeshActors.Views.HyParViewMessage<MeshActors.Views.Overlay.OverlayPeer>;

namespace MeshActors.Views.Wire;

/// <summary><see cref="OverlayCodec.Decode"/>: every read is bounded by the bytes left, every count
/// by <see cref="OverlayCodec.MaxEntries"/> and by the bytes left before anything is allocated.</summary>
internal static class OverlayDecoder
{
    private const int MinPeerBytes = 4;
    private const int MinEntryBytes = MinPeerBytes + 16;

    public static OverlayDecodeResult Decode(ReadOnlySpan<byte> input)
    {
        if (input.Length > OverlayCodec.MaxMessageBytes)
        {
            return Fail(OverlayDecodeFailure.Oversized, $"the message has {input.Length} bytes, more than the {OverlayCodec.MaxMessageBytes} the layout allows");
        }

        var r = new EnvelopeReader(input);
        if (!r.TryByte(out var version) || !r.TryByte(out var kindByte))
        {
            return Truncated("header", input.Length);
        }

        if (version != OverlayCodec.Version)
        {
            return Fail(OverlayDecodeFailure.UnsupportedVersion, $"layout version {version}; this node reads version {OverlayCodec.Version}");
        }

        var kind = (OverlayWireKind)kindByte;
        if (!Enum.IsDefined(kind))
        {
            return Fail(OverlayDecodeFailure.UnknownKind, $"kind {kindByte} is not an overlay message");
        }

        var failure = ReadPeer(ref r, "sender", out var from);
        if (failure is not null)
        {
            return failure;
        }

        IOverlayWire message;
        switch (kind)
        {
            case OverlayWireKind.Join:
                message = new ViewEnvelope(from, new M.Join());
                break;
            case OverlayWireKind.ForwardJoinAccepted:
                message = new ViewEnvelope(from, new M.ForwardJoinAccepted());
                break;
            case OverlayWireKind.Disconnect:
                message = new ViewEnvelope(from, new M.Disconnect());
                break;
            case OverlayWireKind.ForwardJoin:
                if ((failure = ReadPeer(ref r, "new node", out var newNode)) is not null)
                {
                    return failure;
                }

                if (!r.TryUInt32(out var ttl))
                {
                    return Truncated("time to live", input.Length);
                }

                message = new ViewEnvelope(from, new M.ForwardJoin(newNode, unchecked((int)ttl)));
                break;
            case OverlayWireKind.Neighbor:
                if (!r.TryByte(out var priority))
                {
                    return Truncated("priority", input.Length);
                }

                if (priority > 1)
                {
                    return Fail(OverlayDecodeFailure.BadValue, $"priority {priority} is neither 0 (low) nor 1 (high)");
                }

                message = new ViewEnvelope(from, new M.Neighbor(priority == 0 ? NeighborPriority.Low : NeighborPriority.High));
                break;
            case OverlayWireKind.NeighborReply:
                if ((failure = ReadFlag(ref r, "accepted", input.Length, out var accepted)) is not null)
                {
                    return failure;
                }

                message = new ViewEnvelope(from, new M.NeighborReply(accepted));
                break;
            case OverlayWireKind.Shuffle:
                if ((failure = ReadPeer(ref r, "origin", out var origin)) is not null)
                {
                    return failure;
                }

                if (!r.TryUInt32(out var shuffleTtl))
                {
                    return Truncated("time to live", input.Length);
                }

                if ((failure = ReadPeers(ref r, out var sample)) is not null)
                {
                    return failure;
                }

                message = new ViewEnvelope(from, new M.Shuffle(origin, unchecked((int)shuffleTtl), sample));
                break;
            case OverlayWireKind.ShuffleReply:
                if ((failure = ReadPeers(ref r, out var replySample)) is not null)
                {
                    return failure;
                }

                message = new ViewEnvelope(from, new M.ShuffleReply(replySample));
                break;
            case OverlayWireKind.Ping or OverlayWireKind.Pong:
                if (!r.TryUInt64(out var nonce))
                {
                    return Truncated("nonce", input.Length);
                }

                message = kind == OverlayWireKind.Ping ? new OverlayPing(from, unchecked((long)nonce)) : new OverlayPong(from, unchecked((long)nonce));
                break;
            case OverlayWireKind.PexRequest:
                if (!r.TryUInt32(out var max))
                {
                    return Truncated("max", input.Length);
                }

                message = new PexRequest(from, unchecked((int)max));
                break;
            default:
                if ((failure = ReadFlag(ref r, "refused", input.Length, out var refused)) is not null ||
                    (failure = ReadEntries(ref r, out var entries)) is not null)
                {
                    return failure;
                }

                message = new PexResponse(from, entries, refused);
                break;
        }

        return r.Remaining > 0
            ? Fail(OverlayDecodeFailure.TrailingBytes, $"{r.Remaining} bytes follow the {kind} message")
            : OverlayDecodeResult.Success(message);
    }

    private static OverlayDecodeResult? ReadFlag(ref EnvelopeReader r, string field, int length, out bool value)
    {
        value = false;
        if (!r.TryByte(out var b))
        {
            return Truncated(field, length);
        }

        value = b == 1;
        return b > 1 ? Fail(OverlayDecodeFailure.BadValue, $"the {field} flag is {b}, neither 0 nor 1") : null;
    }

    private static OverlayDecodeResult? ReadPeer(ref EnvelopeReader r, string field, out OverlayPeer peer)
    {
        peer = default;
        if (!r.TryByte(out var idLength) || !r.TryTake(idLength, out var id))
        {
            return Fail(OverlayDecodeFailure.Truncated, $"the message ends in the node id of the {field}");
        }

        if (idLength > OverlayCodec.MaxNodeIdBytes || !Ascii.IsValid(id))
        {
            return Fail(OverlayDecodeFailure.BadString, $"the node id of the {field} ({idLength} bytes) is not a node id ({MeshIdentity.IdRule})");
        }

        var nodeId = Encoding.ASCII.GetString(id);
        if (!MeshIdentity.IsValidId(nodeId))
        {
            return Fail(OverlayDecodeFailure.BadString, $"the node id of the {field} ({idLength} bytes) is not a node id ({MeshIdentity.IdRule})");
        }

        if (!r.TryByte(out var addressLength) || !r.TryTake(addressLength, out var address))
        {
            return Fail(OverlayDecodeFailure.Truncated, $"the message ends in the address of the {field}");
        }

        foreach (var b in address)
        {
            if (!OverlayCodec.IsAddressByte(b))
            {
                return Fail(OverlayDecodeFailure.BadString, $"the address of the {field} holds byte 0x{b:X2}; addresses are printable ASCII");
            }
        }

        if (addressLength == 0)
        {
            return Fail(OverlayDecodeFailure.BadString, $"the address of the {field} is empty");
        }

        peer = new OverlayPeer(nodeId, Encoding.ASCII.GetString(address));
        return null;
    }

    private static OverlayDecodeResult? ReadPeers(ref EnvelopeReader r, out ImmutableArray<OverlayPeer> peers)
    {
        peers = [];
        var failure = ReadCount(ref r, MinPeerBytes, "sample", out var count);
        if (failure is not null)
        {
            return failure;
        }

        var builder = ImmutableArray.CreateBuilder<OverlayPeer>(count);
        for (var i = 0; i < count; i++)
        {
            if ((failure = ReadPeer(ref r, $"sample entry {i}", out var peer)) is not null)
            {
                return failure;
            }

            builder.Add(peer);
        }

        peers = builder.MoveToImmutable();
        return null;
    }

    private static OverlayDecodeResult? ReadEntries(ref EnvelopeReader r, out ImmutableArray<PexEntry> entries)
    {
        entries = [];
        var failure = ReadCount(ref r, MinEntryBytes, "peer list", out var count);
        if (failure is not null)
        {
            return failure;
        }

        var builder = ImmutableArray.CreateBuilder<PexEntry>(count);
        for (var i = 0; i < count; i++)
        {
            if ((failure = ReadPeer(ref r, $"peer entry {i}", out var peer)) is not null)
            {
                return failure;
            }

            if (!r.TryUInt64(out var seen) || !r.TryUInt64(out var bits))
            {
                return Fail(OverlayDecodeFailure.Truncated, $"the message ends in peer entry {i}");
            }

            var score = BitConverter.Int64BitsToDouble(unchecked((long)bits));
            if (!double.IsFinite(score))
            {
                return Fail(OverlayDecodeFailure.BadValue, $"the score of peer entry {i} is not a finite number");
            }

            builder.Add(new PexEntry(peer.NodeId, peer.Address, unchecked((long)seen), score));
        }

        entries = builder.MoveToImmutable();
        return null;
    }

    private static OverlayDecodeResult? ReadCount(ref EnvelopeReader r, int minEntryBytes, string field, out int count)
    {
        count = 0;
        if (!r.TryByte(out var n))
        {
            return Fail(OverlayDecodeFailure.Truncated, $"the message ends before the {field} count");
        }

        if (n > OverlayCodec.MaxEntries)
        {
            return Fail(OverlayDecodeFailure.TooManyEntries, $"the {field} has {n} entries, more than the {OverlayCodec.MaxEntries} allowed");
        }

        if (n * minEntryBytes > r.Remaining)
        {
            return Fail(OverlayDecodeFailure.BadCount, $"the {field} announces {n} entries but only {r.Remaining} bytes follow");
        }

        count = n;
        return null;
    }

    private static OverlayDecodeResult Fail(OverlayDecodeFailure failure, string detail) => OverlayDecodeResult.Fail(failure, detail);

    private static OverlayDecodeResult Truncated(string field, int length) =>
        Fail(OverlayDecodeFailure.Truncated, $"the message ends in its {field} after {length} bytes");
}
