namespace MeshActors.Sharding;

/// <summary>Validates members and keeps the eligible ones, sorted by id, so that placement never depends on the order given.</summary>
internal static class EligibleMembers
{
    public static IReadOnlyList<ShardMember> Of(ShardNamespace shardNamespace, IEnumerable<ShardMember> members)
    {
        var sorted = members.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var member = sorted[i];
            if (string.IsNullOrEmpty(member.Id))
            {
                throw new ArgumentException("a member has an empty id", nameof(members));
            }

            if (i > 0 && string.Equals(sorted[i - 1].Id, member.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"member id {member.Id} is given twice", nameof(members));
            }

            if (member.Capacity is < 0 or > ShardMember.MaxCapacity)
            {
                throw new ArgumentException($"member {member.Id} has capacity {member.Capacity}; give 0 to {ShardMember.MaxCapacity}", nameof(members));
            }
        }

        var eligible = sorted.Where(shardNamespace.IsEligible).ToList();
        if (eligible.Count == 0)
        {
            var roles = shardNamespace.EligibleRoles.Count == 0 ? "any role" : "role " + string.Join(" or ", shardNamespace.EligibleRoles.Order(StringComparer.Ordinal));
            throw new ArgumentException($"namespace {shardNamespace.Name}: none of the {sorted.Count} members is eligible (needs {roles} and a capacity above 0)", nameof(members));
        }

        return eligible;
    }
}
