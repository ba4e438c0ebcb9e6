using System.Diagnostics.CodeAnalysis;

namespace MeshActors.Events.Envelope;

/// <summary>What <see cref="MeshEventCodec.Decode"/> made of its input: an event, or a failure with a reason and a detail for the audit log.</summary>
public sealed record DecodeResult
{
    private DecodeResult(MeshEvent? @event, DecodeFailure failure, string detail)
    {
        Event = @event;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The decoded event, when <see cref="Succeeded"/>.</summary>
    public MeshEvent? Event { get; }

    /// <summary>Why decoding failed; <see cref="DecodeFailure.None"/> when it succeeded.</summary>
    public DecodeFailure Failure { get; }

    /// <summary>A sentence for operators: which field and which value; empty on success.</summary>
    public string Detail { get; }

    /// <summary>Whether the input decoded to <see cref="Event"/>.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool Succeeded => Event is not null;

    /// <summary>A successful result.</summary>
    public static DecodeResult Success(MeshEvent @event) => new(@event ?? throw new ArgumentNullException(nameof(@event)), DecodeFailure.None, string.Empty);

    /// <summary>A failed result.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failure"/> is <see cref="DecodeFailure.None"/>.</exception>
    public static DecodeResult Fail(DecodeFailure failure, string detail) =>
        failure == DecodeFailure.None ? throw new ArgumentOutOfRangeException(nameof(failure), "a failure needs a reason") : new(null, failure, detail);
}
