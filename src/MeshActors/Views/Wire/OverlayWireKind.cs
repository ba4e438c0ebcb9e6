namespace MeshActors.Views.Wire;

/// <summary>The kind byte of an encoded <see cref="IOverlayWire"/> message (offset 1 of the layout
/// in this folder's README); also the serializer's manifest, so the values are stable on the wire.</summary>
public enum OverlayWireKind : byte
{
    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.Join"/>.</summary>
    Join = 1,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.ForwardJoin"/>.</summary>
    ForwardJoin = 2,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.ForwardJoinAccepted"/>.</summary>
    ForwardJoinAccepted = 3,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.Neighbor"/>.</summary>
    Neighbor = 4,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.NeighborReply"/>.</summary>
    NeighborReply = 5,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.Disconnect"/>.</summary>
    Disconnect = 6,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.Shuffle"/>.</summary>
    Shuffle = 7,

    /// <summary>A <see cref="ViewEnvelope"/> carrying <see cref="HyParViewMessage{TPeer}.ShuffleReply"/>.</summary>
    ShuffleReply = 8,

    /// <summary>An <see cref="OverlayPing"/>.</summary>
    Ping = 16,

    /// <summary>An <see cref="OverlayPong"/>.</summary>
    Pong = 17,

    /// <summary>A <see cref="Wire.PexRequest"/>.</summary>
    PexRequest = 18,

    /// <summary>A <see cref="Wire.PexResponse"/>.</summary>
    PexResponse = 19,
}
