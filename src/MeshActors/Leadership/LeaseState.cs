namespace MeshActors.Leadership;

/// <summary>What a store says about one lease name at the time of the read.</summary>
/// <param name="Lease">The lease name.</param>
/// <param name="Holder">The current term, or <c>null</c> when the lease is free, released or expired.</param>
/// <param name="LastToken">The highest token ever issued for this name (0: never acquired); the next holder gets a higher one.</param>
public sealed record LeaseState(string Lease, LeaseGrant? Holder, long LastToken);
