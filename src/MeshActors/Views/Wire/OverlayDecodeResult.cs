using System.Diagnostics.CodeAnalysis;

namespace MeshActors.Views.Wire;

/// <summary>What <see cref="OverlayCodec.Decode"/> made of its input: a message, or a failure with a reason and a detail for the log.</summary>
public sealed record OverlayDecodeResult
{
    private OverlayDecodeResult(IOverlayWire? message, OverlayDecodeFailure failure, string detail)
    {
        Message = message;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The decoded message, when <see cref="Succeeded"/>.</summary>
    public IOverlayWire? Message { get; }

    /// <summary>Why decoding failed; <see cref="OverlayDecodeFailure.None"/> when it succeeded.</summary>
    public OverlayDecodeFailure Failure { get; }

    /// <summary>A sentence for operators naming the field and the value; empty on success.</summary>
    public string Detail { get; }

    /// <summary>Whether the input decoded to <see cref="Message"/>.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool Succeeded => Message is not null;

    /// <summary>A successful result.</summary>
    public static OverlayDecodeResult Success(IOverlayWire message) =>
        new(message ?? throw new ArgumentNullException(nameof(message)), OverlayDecodeFailure.None, string.Empty);

    /// <summary>A failed result.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failure"/> is <see cref="OverlayDecodeFailure.None"/>.</exception>
    public static OverlayDecodeResult Fail(OverlayDecodeFailure failure, string detail) =>
        failure == OverlayDecodeFailure.None ? throw new ArgumentOutOfRangeException(nameof(failure), "a failure needs a reason") : new(null, failure, detail);
}
