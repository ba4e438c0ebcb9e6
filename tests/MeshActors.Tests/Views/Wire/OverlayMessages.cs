using System.Collections.Immutable;
using MeshActors.Randomness;
using MeshActors.Views;
using MeshActors.Views.Overlay;
using MeshActors.Views.Wire;
using M = MeshActors.Views.HyParViewMessage<MeshActors.Views.Overlay.OverlayPeer>;

namespace MeshActors.Tests.Views.Wire;

/// <summary>Overlay messages for the codec tests: one of each kind, and random ones of any kind and size.</summary>
internal static class OverlayMessages
{
    public static readonly OverlayPeer A = new("node-a", "akka.ssl.tcp://mesh@10.0.0.1:4053");
    public static readonly OverlayPeer B = new("node-b", "akka.tcp://mesh@[fe80::1]:4053");

    public static IEnumerable<IOverlayWire> OneOfEach() =>
    [
        new ViewEnvelope(A, new M.Join()),
        new ViewEnvelope(A, new M.ForwardJoin(B, 6)),
        new ViewEnvelope(A, new M.ForwardJoinAccepted()),
        new ViewEnvelope(A, new M.Neighbor(NeighborPriority.High)),
        new ViewEnvelope(A, new M.NeighborReply(true)),
        new ViewEnvelope(A, new M.Disconnect()),
        new ViewEnvelope(A, new M.Shuffle(B, 3, [A, B])),
        new ViewEnvelope(A, new M.ShuffleReply([B])),
        new OverlayPing(A, -42),
        new OverlayPong(A, long.MaxValue),
        new PexRequest(A, 16),
        new PexResponse(A, [new PexEntry("node-b", B.Address, 1_700_000_000_000, -12.5)], Refused: false),
    ];

    public static IOverlayWire Random(IRandomSource random)
    {
        var from = Peer(random);
        return random.Next(12) switch
        {
            0 => new ViewEnvelope(from, new M.Join()),
            1 => new ViewEnvelope(from, new M.ForwardJoin(Peer(random), Int(random))),
            2 => new ViewEnvelope(from, new M.ForwardJoinAccepted()),
            3 => new ViewEnvelope(from, new M.Neighbor(random.Next(2) == 0 ? NeighborPriority.Low : NeighborPriority.High)),
            4 => new ViewEnvelope(from, new M.NeighborReply(random.Next(2) == 0)),
            5 => new ViewEnvelope(from, new M.Disconnect()),
            6 => new ViewEnvelope(from, new M.Shuffle(Peer(random), Int(random), Peers(random))),
            7 => new ViewEnvelope(from, new M.ShuffleReply(Peers(random))),
            8 => new OverlayPing(from, (long)random.NextUInt64()),
            9 => new OverlayPong(from, (long)random.NextUInt64()),
            10 => new PexRequest(from, Int(random)),
            _ => new PexResponse(from, [.. Enumerable.Range(0, Count(random)).Select(_ => Entry(random))], random.Next(2) == 0),
        };
    }

    public static OverlayPeer Peer(IRandomSource random) =>
        random.Next(4) == 0
            ? new(Identifier(random, 1 + random.Next(OverlayCodec.MaxNodeIdBytes)), Printable(random, 1 + random.Next(OverlayCodec.MaxAddressBytes)))
            : new(Identifier(random, 1 + random.Next(16)), $"akka.ssl.tcp://mesh@10.0.{random.Next(256)}.{random.Next(256)}:{1 + random.Next(65535)}");

    private static ImmutableArray<OverlayPeer> Peers(IRandomSource random) => [.. Enumerable.Range(0, Count(random)).Select(_ => Peer(random))];

    private static PexEntry Entry(IRandomSource random)
    {
        var peer = Peer(random);
        var score = random.Next(4) == 0 ? BitConverter.Int64BitsToDouble((long)random.NextUInt64()) : (random.NextDouble() * 200) - 100;
        return new PexEntry(peer.NodeId, peer.Address, (long)random.NextUInt64(), double.IsFinite(score) ? score : 0);
    }

    private static int Count(IRandomSource random) => random.Next(8) == 0 ? OverlayCodec.MaxEntries - random.Next(2) : random.Next(8);

    private static int Int(IRandomSource random) => random.Next(2) == 0 ? random.Next(10) : (int)random.NextUInt64();

    private static string Identifier(IRandomSource random, int length)
    {
        const string first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string rest = first + "-_.";
        return new string([.. Enumerable.Range(0, length).Select(i => i == 0 ? first[random.Next(first.Length)] : rest[random.Next(rest.Length)])]);
    }

    private static string Printable(IRandomSource random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)(0x21 + random.Next(0x7F - 0x21)))]);
}
