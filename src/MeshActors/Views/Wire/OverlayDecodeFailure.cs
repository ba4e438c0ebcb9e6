namespace MeshActors.Views.Wire;

/// <summary>Why <see cref="OverlayCodec.Decode"/> refused its input.</summary>
public enum OverlayDecodeFailure
{
    /// <summary>Nothing: the input decoded.</summary>
    None = 0,

    /// <summary>The input is longer than <see cref="OverlayCodec.MaxMessageBytes"/>; refused unread.</summary>
    Oversized,

    /// <summary>The input ends before a field or a length it announced.</summary>
    Truncated,

    /// <summary>The version byte is not <see cref="OverlayCodec.Version"/>.</summary>
    UnsupportedVersion,

    /// <summary>The kind byte names no <see cref="OverlayWireKind"/>.</summary>
    UnknownKind,

    /// <summary>A node id is not a valid id, or an address is empty, too long or not printable ASCII.</summary>
    BadString,

    /// <summary>A list announces more than <see cref="OverlayCodec.MaxEntries"/> entries.</summary>
    TooManyEntries,

    /// <summary>A list announces more entries than the bytes left could hold; refused before allocating.</summary>
    BadCount,

    /// <summary>A flag is neither 0 nor 1, a priority is unknown, or a score is not a finite number.</summary>
    BadValue,

    /// <summary>Bytes follow the message; a message has exactly one encoding.</summary>
    TrailingBytes,
}
