namespace MeshActors.Leadership;

/// <summary>One term of a lease: who holds it, its fencing token, and when it started and ends by the store's clock.</summary>
/// <param name="Lease">The lease name.</param>
/// <param name="Owner">The holder.</param>
/// <param name="FencingToken">Strictly increasing per lease name; every action taken under this term carries it.</param>
/// <param name="AcquiredAt">When this term began (store clock).</param>
/// <param name="ExpiresAt">When this term ends unless renewed (store clock).</param>
public sealed record LeaseGrant(string Lease, string Owner, long FencingToken, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
