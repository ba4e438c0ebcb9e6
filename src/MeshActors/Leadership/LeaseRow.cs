namespace MeshActors.Leadership;

/// <summary>A lease as a store keeps it: the last term, held or not. <paramref name="Owner"/> is <c>null</c> after a release.</summary>
internal sealed record LeaseRow(string Lease, string? Owner, long Token, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether a holder exists at <paramref name="now"/>; a term is over at its expiry instant.</summary>
    public bool IsHeldAt(DateTimeOffset now) => Owner is not null && ExpiresAt > now;
}
