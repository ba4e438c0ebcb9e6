namespace MeshActors.Membership;

/// <summary>
/// Which of two claims about the same member wins — SWIM's precedence rules, as memberlist applies
/// them. A higher incarnation always wins, so a member refutes a suspicion by announcing itself
/// alive at a higher incarnation, and a restarted member with a reused node id rejoins the same
/// way. At the same incarnation, worse news wins: Alive &lt; Suspect &lt; Dead, and Left (a graceful
/// leave) wins over all of them. Merging with this rule is commutative and idempotent, so members
/// converge whatever order gossip arrives in.
/// </summary>
public static class MemberPrecedence
{
    /// <summary>Whether <paramref name="incoming"/> replaces <paramref name="current"/> (null: the member is unknown).</summary>
    public static bool Overrides(MemberClaim incoming, MemberClaim? current)
    {
        if (current is not { } known)
        {
            return true;
        }

        if (incoming.Incarnation != known.Incarnation)
        {
            return incoming.Incarnation > known.Incarnation;
        }

        return Rank(incoming.Status) > Rank(known.Status);
    }

    /// <summary>The claim that wins of the two; equal claims give either.</summary>
    public static MemberClaim Merge(MemberClaim a, MemberClaim b) => Overrides(b, a) ? b : a;

    /// <summary>
    /// What a member does on hearing <paramref name="claim"/> about itself while at
    /// <paramref name="ownIncarnation"/>: null when it needs no answer, otherwise the incarnation
    /// to announce itself alive at (one above the claim), which overrides the claim everywhere.
    /// A claim that it left is not refuted: only the member itself says that.
    /// </summary>
    public static ulong? Refutation(MemberClaim claim, ulong ownIncarnation)
    {
        if (claim.Status is MemberStatus.Alive or MemberStatus.Left || claim.Incarnation < ownIncarnation)
        {
            return null;
        }

        return claim.Incarnation + 1;
    }

    private static int Rank(MemberStatus status) => status switch
    {
        MemberStatus.Alive => 0,
        MemberStatus.Suspect => 1,
        MemberStatus.Dead => 2,
        MemberStatus.Left => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
