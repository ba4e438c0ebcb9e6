using MeshActors.Diagnostics;

namespace MeshActors.Events.Admission;

/// <summary>What <see cref="EventAdmission"/> decided: admit, or drop for a <see cref="DropReason"/>.</summary>
public sealed record AdmissionDecision
{
    /// <summary>The audit event kind of a dropped event.</summary>
    public const string DroppedAuditKind = "event.dropped";

    /// <summary>The decision to admit.</summary>
    public static readonly AdmissionDecision Admit = new(null, string.Empty);

    private AdmissionDecision(DropReason? reason, string detail)
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Why the event was dropped; null when it was admitted.</summary>
    public DropReason? Reason { get; }

    /// <summary>A sentence for operators; empty when admitted.</summary>
    public string Detail { get; }

    /// <summary>Whether the event goes on to the handlers.</summary>
    public bool Admitted => Reason is null;

    /// <summary>The stable code of <see cref="Reason"/> for counters and audit (<c>bad-signature</c>, <c>replayed</c>, …); null when admitted.</summary>
    public string? ReasonCode => Reason switch
    {
        null => null,
        DropReason.Malformed => "malformed",
        DropReason.Oversized => "oversized",
        DropReason.UnknownTopic => "unknown-topic",
        DropReason.TooOld => "too-old",
        DropReason.FromTheFuture => "from-the-future",
        DropReason.Duplicate => "duplicate",
        DropReason.Replayed => "replayed",
        DropReason.BadSignature => "bad-signature",
        _ => throw new InvalidOperationException($"no code for {Reason}"),
    };

    /// <summary>A decision to drop.</summary>
    public static AdmissionDecision Drop(DropReason reason, string detail) => new(reason, detail ?? string.Empty);

    /// <summary>The audit event of a drop: kind <see cref="DroppedAuditKind"/>, reason <see cref="ReasonCode"/>.</summary>
    /// <param name="at">When it was dropped.</param>
    /// <param name="source">The source node id the event claimed, when it decoded.</param>
    /// <param name="peerAddress">Where the envelope came from, when known.</param>
    /// <exception cref="InvalidOperationException">The decision admits the event.</exception>
    public AuditEvent ToAuditEvent(DateTimeOffset at, string? source, string? peerAddress) =>
        Admitted
            ? throw new InvalidOperationException("an admitted event is not audited as a drop")
            : new AuditEvent(DroppedAuditKind, at, source, peerAddress, ReasonCode, Detail);
}
