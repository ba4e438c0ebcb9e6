using MeshActors.Transport;
using MeshActors.Transport.Wire;

namespace MeshActors.Membership;

/// <summary>Converts member claims to and from their wire form, refusing malformed records.</summary>
internal static class MemberWire
{
    public static MemberRecord ToRecord(MemberUpdate update, bool withMetadata = false)
    {
        var record = new MemberRecord
        {
            NodeId = update.NodeId,
            Address = update.Address.ToString(),
            Status = ToWire(update.Status),
            Incarnation = update.Incarnation,
            FromNodeId = update.From,
        };
        if (update.Metadata is { } metadata && (withMetadata || update.Status == MemberStatus.Alive))
        {
            record.Metadata = ToWire(metadata);
        }

        return record;
    }

    /// <summary>A member's full record (metadata included whatever its status), for push-pull.</summary>
    public static MemberRecord FullRecord(Member member, string from) =>
        ToRecord(new MemberUpdate(member.NodeId, member.Address, member.Status, member.Incarnation, member.Metadata, from), withMetadata: true);

    /// <summary>The claim <paramref name="record"/> makes; null when it is malformed.</summary>
    public static MemberUpdate? FromRecord(MemberRecord record)
    {
        if (!Configuration.ConfigReader.IsIdentifier(record.NodeId) || !NodeAddress.TryParse(record.Address, out var address, out _))
        {
            return null;
        }

        MemberStatus? status = record.Status switch
        {
            MemberStatusWire.MemberAlive => MemberStatus.Alive,
            MemberStatusWire.MemberSuspect => MemberStatus.Suspect,
            MemberStatusWire.MemberDead => MemberStatus.Dead,
            MemberStatusWire.MemberLeft => MemberStatus.Left,
            _ => null,
        };
        return status is { } s
            ? new MemberUpdate(record.NodeId, address, s, record.Incarnation, record.Metadata is { } m ? FromWire(m) : null, record.FromNodeId)
            : null;
    }

    public static MemberMetadataWire ToWire(MemberMetadata metadata)
    {
        var wire = new MemberMetadataWire
        {
            Role = metadata.Role,
            ClusterId = metadata.ClusterId,
            Region = metadata.Region,
            Zone = metadata.Zone,
            ProtocolVersion = metadata.ProtocolVersion,
            Capacity = metadata.Capacity,
        };
        wire.Labels.Add(metadata.Labels);
        return wire;
    }

    public static MemberMetadata FromWire(MemberMetadataWire wire) =>
        new(wire.Role, wire.ClusterId, wire.Region, wire.Zone, wire.ProtocolVersion, wire.Capacity,
            System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, wire.Labels));

    private static MemberStatusWire ToWire(MemberStatus status) => status switch
    {
        MemberStatus.Alive => MemberStatusWire.MemberAlive,
        MemberStatus.Suspect => MemberStatusWire.MemberSuspect,
        MemberStatus.Dead => MemberStatusWire.MemberDead,
        _ => MemberStatusWire.MemberLeft,
    };
}
