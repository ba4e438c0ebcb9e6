namespace MeshActors.Events.Admission;

/// <summary>Why <see cref="EventAdmission"/> dropped an event. Each is counted and audited under its <see cref="AdmissionDecision.ReasonCode"/>.</summary>
public enum DropReason
{
    /// <summary><c>malformed</c>: the envelope did not decode (truncated, bad field, trailing bytes, unknown version…).</summary>
    Malformed,

    /// <summary><c>oversized</c>: the envelope or its payload is larger than the configured cap.</summary>
    Oversized,

    /// <summary><c>unknown-topic</c>: no local subscription matches the topic and this node does not relay it.</summary>
    UnknownTopic,

    /// <summary><c>too-old</c>: published longer ago than the maximum age.</summary>
    TooOld,

    /// <summary><c>from-the-future</c>: stamped later than now plus the allowed clock skew.</summary>
    FromTheFuture,

    /// <summary><c>duplicate</c>: its event id is in the seen-cache; the normal fate of the second copy of a gossiped event.</summary>
    Duplicate,

    /// <summary><c>replayed</c>: its (incarnation, sequence) was already admitted from that source, is behind the replay window, or belongs to an older incarnation.</summary>
    Replayed,

    /// <summary><c>bad-signature</c>: the signature does not verify with the source's certificate key.</summary>
    BadSignature,
}
