using MeshActors.Transport;

namespace MeshActors.Membership;

/// <summary>A claim about one member as it travels in gossip, push-pull and piggybacks.</summary>
/// <param name="NodeId">Whom the claim is about.</param>
/// <param name="Address">Where that member accepts connections.</param>
/// <param name="Status">The claimed status.</param>
/// <param name="Incarnation">The incarnation the claim is about.</param>
/// <param name="Metadata">Set on alive claims (the member's own announcement); null on the others.</param>
/// <param name="From">Who raised a suspect or dead claim; Lifeguard counts independent confirmations.</param>
internal sealed record MemberUpdate(string NodeId, NodeAddress Address, MemberStatus Status, ulong Incarnation, MemberMetadata? Metadata, string From)
{
    public MemberClaim Claim => new(Status, Incarnation);

    /// <summary>The claim a member record makes, raised by <paramref name="from"/>.</summary>
    public static MemberUpdate Of(Member member, string from) =>
        new(member.NodeId, member.Address, member.Status, member.Incarnation, member.Status == MemberStatus.Alive ? member.Metadata : null, from);
}
