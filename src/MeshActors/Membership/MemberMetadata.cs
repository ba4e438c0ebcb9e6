using System.Collections.Immutable;

namespace MeshActors.Membership;

/// <summary>
/// What a member says about itself. It changes only together with a higher incarnation (the
/// member announces itself alive again with the new metadata), so the incarnation versions it and
/// a change spreads exactly like a status change.
/// </summary>
/// <param name="Role">The member's role, e.g. "frontend"; empty when none.</param>
/// <param name="ClusterId">The cluster the member belongs to.</param>
/// <param name="Region">Region, e.g. "eu-west-1"; empty when unknown.</param>
/// <param name="Zone">Availability zone, e.g. "eu-west-1a"; empty when unknown.</param>
/// <param name="ProtocolVersion">The highest wire-protocol version the member speaks.</param>
/// <param name="Capacity">A relative weight for work placement (100 = an ordinary node).</param>
/// <param name="Labels">Free-form key/value labels.</param>
public sealed record MemberMetadata(
    string Role,
    string ClusterId,
    string Region,
    string Zone,
    uint ProtocolVersion,
    uint Capacity,
    ImmutableSortedDictionary<string, string> Labels)
{
    /// <summary>Metadata with only a cluster id: no role, region, zone or labels, capacity 100.</summary>
    public static MemberMetadata ForCluster(string clusterId) =>
        new(string.Empty, clusterId, string.Empty, string.Empty, Transport.ProtocolRange.Supported.Max, 100, ImmutableSortedDictionary<string, string>.Empty);

    /// <inheritdoc />
    public bool Equals(MemberMetadata? other) =>
        other is not null && Role == other.Role && ClusterId == other.ClusterId && Region == other.Region && Zone == other.Zone &&
        ProtocolVersion == other.ProtocolVersion && Capacity == other.Capacity &&
        Labels.Count == other.Labels.Count && Labels.All(kv => other.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Role, ClusterId, Region, Zone, ProtocolVersion, Capacity, Labels.Count);
}
