using MeshActors.Transport.Wire;

namespace MeshActors.Transport;

/// <summary>The outcome of a Hello: accepted at a version, or refused with a reason.</summary>
/// <param name="Version">The agreed protocol version, when accepted.</param>
/// <param name="Refusal">The reason, when refused.</param>
/// <param name="Detail">Why, in words, when refused.</param>
public sealed record HandshakeDecision(uint? Version, RefusalReason? Refusal, string Detail)
{
    /// <summary>Whether the peer was accepted.</summary>
    public bool Accepted => Refusal is null;

    /// <summary>An acceptance at <paramref name="version"/>.</summary>
    public static HandshakeDecision Accept(uint version) => new(version, null, string.Empty);

    /// <summary>A refusal.</summary>
    public static HandshakeDecision Refuse(RefusalReason reason, string detail) => new(null, reason, detail);
}
