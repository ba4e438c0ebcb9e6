using System.Collections.Immutable;
using MeshActors.Views.Overlay;

namespace MeshActors.Views.Wire;

/// <summary>Every message view managers send each other over Akka.Remote; all are serialized by
/// <c>OverlaySerializer</c> (binary, bounded, see this folder's README). Each names its sender: the
/// receiver checks that <c>From.Address</c> is the address the message came from (with mutual TLS,
/// an authenticated cluster member) and drops it otherwise.</summary>
public interface IOverlayWire
{
    /// <summary>The sending node.</summary>
    OverlayPeer From { get; }
}

/// <summary>A HyParView message (join, forward join, neighbour, disconnect, shuffle and their replies).</summary>
public sealed record ViewEnvelope(OverlayPeer From, HyParViewMessage<OverlayPeer> Message) : IOverlayWire;

/// <summary>A round-trip probe to an active neighbour; answered with <see cref="OverlayPong"/> carrying the same nonce.</summary>
public sealed record OverlayPing(OverlayPeer From, long Nonce) : IOverlayWire;

/// <summary>The answer to <see cref="OverlayPing"/>.</summary>
public sealed record OverlayPong(OverlayPeer From, long Nonce) : IOverlayWire;

/// <summary>Peer exchange: asks for at most <paramref name="Max"/> peers this node may dial.</summary>
public sealed record PexRequest(OverlayPeer From, int Max) : IOverlayWire;

/// <summary>The answer to <see cref="PexRequest"/>; <paramref name="Refused"/> when the requester asked too often.</summary>
public sealed record PexResponse(OverlayPeer From, ImmutableArray<PexEntry> Peers, bool Refused) : IOverlayWire;

/// <summary>One peer in a <see cref="PexResponse"/>, with hints: when the answering node last heard from it, and its score there.</summary>
public readonly record struct PexEntry(string NodeId, string Address, long LastSeenUnixMs, double Score);
