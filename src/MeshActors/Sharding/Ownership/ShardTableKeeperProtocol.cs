namespace MeshActors.Sharding.Ownership;

/// <summary>
/// The messages of <see cref="ShardTableKeeper"/>. Those that cross the network (between nodes'
/// keepers) are plain records of strings, numbers and bytes, so Akka's default serializer
/// carries them.
/// </summary>
public static class ShardTableKeeperProtocol
{
    /// <summary>A new version, published by the leader to every member's keeper.</summary>
    /// <param name="Namespace">The namespace.</param>
    /// <param name="Diff">The encoded <see cref="Table.ShardTableDiff"/> to apply to the previous version.</param>
    public sealed record TableChanged(string Namespace, byte[] Diff);

    /// <summary>Cordon (or uncordon) the node that receives it: it sets its own <see cref="ShardMembers.CordonLabel"/> label. Answered with <see cref="CordonSet"/>.</summary>
    public sealed record SetCordon(bool Cordoned);

    /// <summary>The answer to <see cref="SetCordon"/>.</summary>
    /// <param name="NodeId">The node.</param>
    /// <param name="Cordoned">Its cordon now.</param>
    /// <param name="AcknowledgedByAll">Whether every member acknowledged the label within the metadata write timeout.</param>
    public sealed record CordonSet(string NodeId, bool Cordoned, bool AcknowledgedByAll);

    /// <summary>Ask the leader's keeper for every namespace's rebalance plan; answered with <see cref="PlansView"/>.</summary>
    public sealed record GetPlans;

    /// <summary>Approve the plan of <paramref name="Namespace"/> on the leader; answered with <see cref="PlansView"/> (or <see cref="Refused"/>).</summary>
    public sealed record Approve(string Namespace, string ApprovedBy);

    /// <summary>The leader's rebalance plans.</summary>
    /// <param name="LeaderId">The leader that answered.</param>
    /// <param name="Plans">One per namespace.</param>
    public sealed record PlansView(string LeaderId, PlanView[] Plans);

    /// <summary>One namespace's plan.</summary>
    public sealed record PlanView(string Namespace, string State, bool RequiresApproval, string? ApprovedBy, int Moves, double MovedFraction, int DrainingShards, int ParkedShards, string? LastTransition, DateTimeOffset? LastTransitionAt);

    /// <summary>A request refused, with why.</summary>
    public sealed record Refused(string Reason);
}
