namespace MeshActors.Sharding;

/// <summary>
/// A strategy applied to one namespace and one set of members: answers the owner of any shard
/// (<see cref="OwnerOf"/>, computed each time) or of all of them at once (<see cref="AssignAll"/>,
/// the table a node looks shards up in).
/// </summary>
public abstract class ShardPlacement
{
    /// <summary>Holds the namespace and the eligible members, sorted by id.</summary>
    protected ShardPlacement(ShardNamespace shardNamespace, IReadOnlyList<ShardMember> owners)
    {
        Namespace = shardNamespace;
        Owners = owners;
    }

    /// <summary>The namespace placed.</summary>
    public ShardNamespace Namespace { get; }

    /// <summary>The members that may own shards, sorted by id (ordinal).</summary>
    public IReadOnlyList<ShardMember> Owners { get; }

    /// <summary>The id of the member owning <paramref name="shard"/> (0 to shard count − 1).</summary>
    public string OwnerOf(int shard)
    {
        if ((uint)shard >= (uint)Namespace.ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"namespace {Namespace.Name} has shards 0 to {Namespace.ShardCount - 1}");
        }

        return Owners[OwnerIndexOf(shard)].Id;
    }

    /// <summary>The owner of every shard, as a table.</summary>
    public ShardAssignment AssignAll()
    {
        var owners = new string[Namespace.ShardCount];
        for (var shard = 0; shard < owners.Length; shard++)
        {
            owners[shard] = Owners[OwnerIndexOf(shard)].Id;
        }

        return new ShardAssignment(Namespace.Name, owners);
    }

    /// <summary>The index in <see cref="Owners"/> of the owner of <paramref name="shard"/>, already range-checked.</summary>
    protected abstract int OwnerIndexOf(int shard);
}
