using MeshActors.Membership;
using MeshActors.Transport;

namespace MeshActors.Tests.Membership;

/// <summary>SWIM's rules for changing the member list, one row per rule.</summary>
public sealed class MemberTableTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly NodeAddress SelfAddress = new("10.0.0.1", 7946);
    private static readonly NodeAddress OtherAddress = new("10.0.0.2", 7946);
    private static readonly MemberMetadata Meta = MemberMetadata.ForCluster("c");

    private static MemberTable Table(MemberStatus? otherStatus = null, ulong otherIncarnation = 0)
    {
        var table = new MemberTable(new Member("self", SelfAddress, MemberStatus.Alive, 3, Meta, T0));
        if (otherStatus is { } status)
        {
            table.Apply(Update(MemberStatus.Alive, otherIncarnation), T0);
            if (status != MemberStatus.Alive)
            {
                table.Apply(Update(status, otherIncarnation), T0);
            }
        }

        return table;
    }

    private static MemberUpdate Update(MemberStatus status, ulong incarnation, string node = "other", NodeAddress? address = null, MemberMetadata? metadata = null) =>
        new(node, address ?? OtherAddress, status, incarnation, status == MemberStatus.Alive ? metadata ?? Meta : metadata, "someone");

    // current status (null: unknown), current incarnation, incoming status, incoming incarnation → applied?, event
    [Theory]
    [InlineData(null, 0UL, MemberStatus.Alive, 0UL, true, MemberEventKind.Joined)]
    [InlineData(null, 0UL, MemberStatus.Suspect, 0UL, false, null)]
    [InlineData(null, 0UL, MemberStatus.Dead, 5UL, false, null)]
    [InlineData(null, 0UL, MemberStatus.Left, 5UL, false, null)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Alive, 2UL, false, null)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Alive, 3UL, true, null)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Suspect, 1UL, false, null)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Suspect, 2UL, true, MemberEventKind.Suspect)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Dead, 2UL, true, MemberEventKind.Dead)]
    [InlineData(MemberStatus.Alive, 2UL, MemberStatus.Left, 2UL, true, MemberEventKind.Left)]
    [InlineData(MemberStatus.Suspect, 2UL, MemberStatus.Alive, 2UL, false, null)]
    [InlineData(MemberStatus.Suspect, 2UL, MemberStatus.Alive, 3UL, true, MemberEventKind.Alive)]
    [InlineData(MemberStatus.Suspect, 2UL, MemberStatus.Suspect, 2UL, false, null)]
    [InlineData(MemberStatus.Suspect, 2UL, MemberStatus.Dead, 2UL, true, MemberEventKind.Dead)]
    [InlineData(MemberStatus.Dead, 2UL, MemberStatus.Alive, 2UL, false, null)]
    [InlineData(MemberStatus.Dead, 2UL, MemberStatus.Suspect, 2UL, false, null)]
    [InlineData(MemberStatus.Dead, 2UL, MemberStatus.Alive, 3UL, true, MemberEventKind.Joined)]
    [InlineData(MemberStatus.Dead, 2UL, MemberStatus.Left, 2UL, true, MemberEventKind.Left)]
    [InlineData(MemberStatus.Left, 2UL, MemberStatus.Dead, 2UL, false, null)]
    [InlineData(MemberStatus.Left, 2UL, MemberStatus.Alive, 3UL, true, MemberEventKind.Joined)]
    public void Claims_about_others_follow_swim_precedence(MemberStatus? current, ulong currentIncarnation, MemberStatus incoming, ulong incomingIncarnation, bool applied, MemberEventKind? expectedEvent)
    {
        var table = Table(current, currentIncarnation);
        var versionBefore = table.Version;

        var result = table.Apply(Update(incoming, incomingIncarnation), T0.AddSeconds(1));

        result.Changed.Should().Be(applied);
        result.Event.Should().Be(expectedEvent);
        (table.Version - versionBefore).Should().Be(applied ? 1 : 0, "the version rises with every change and only then");
        if (applied)
        {
            table.TryGet("other", out var member).Should().BeTrue();
            member.Claim.Should().Be(new MemberClaim(incoming, incomingIncarnation));
            member.LastChange.Should().Be(T0.AddSeconds(1));
        }
    }

    [Fact]
    public void A_suspect_record_from_a_full_state_exchange_introduces_the_member()
    {
        var table = Table();

        var result = table.Apply(Update(MemberStatus.Suspect, 4, metadata: Meta), T0);

        result.Event.Should().Be(MemberEventKind.Suspect);
        table.LiveCount.Should().Be(2);
    }

    [Fact]
    public void New_metadata_at_a_higher_incarnation_is_a_metadata_change()
    {
        var table = Table(MemberStatus.Alive, 1);

        var result = table.Apply(Update(MemberStatus.Alive, 2, metadata: Meta with { Role = "worker" }), T0);

        result.Event.Should().Be(MemberEventKind.MetadataChanged);
        result.Member!.Metadata.Role.Should().Be("worker");
    }

    [Fact]
    public void Live_count_follows_status_changes()
    {
        var table = Table(MemberStatus.Alive);
        table.LiveCount.Should().Be(2);

        table.Apply(Update(MemberStatus.Suspect, 0), T0);
        table.LiveCount.Should().Be(2, "a suspect still counts");
        table.Apply(Update(MemberStatus.Dead, 0), T0);
        table.LiveCount.Should().Be(1);
        table.Apply(Update(MemberStatus.Alive, 1), T0);
        table.LiveCount.Should().Be(2);
    }

    // claim about self (own incarnation 3, own address SelfAddress) → incarnation to announce, or null
    [Theory]
    [InlineData(MemberStatus.Suspect, 3UL, false, 4UL)]
    [InlineData(MemberStatus.Suspect, 5UL, false, 6UL)]
    [InlineData(MemberStatus.Suspect, 2UL, false, null)]
    [InlineData(MemberStatus.Dead, 3UL, false, 4UL)]
    [InlineData(MemberStatus.Dead, 1UL, false, null)]
    [InlineData(MemberStatus.Alive, 3UL, false, null)]
    [InlineData(MemberStatus.Alive, 2UL, false, null)]
    [InlineData(MemberStatus.Alive, 7UL, false, 8UL)]
    [InlineData(MemberStatus.Alive, 3UL, true, 4UL)]
    [InlineData(MemberStatus.Left, 3UL, false, 4UL)]
    [InlineData(MemberStatus.Left, 2UL, false, null)]
    public void Claims_about_itself_are_refuted_at_a_higher_incarnation(MemberStatus status, ulong incarnation, bool otherAddress, ulong? expected)
    {
        var table = Table();

        table.RefutationFor(Update(status, incarnation, node: "self", address: otherAddress ? OtherAddress : SelfAddress)).Should().Be(expected);
        table.Apply(Update(status, incarnation, node: "self"), T0).Changed.Should().BeFalse("claims about this node are never applied as they are");
    }

    [Fact]
    public void A_node_that_has_left_refutes_nothing()
    {
        var table = Table();
        table.SetSelf(MemberStatus.Left, 3, Meta, T0);

        table.RefutationFor(Update(MemberStatus.Dead, 3, node: "self", address: SelfAddress)).Should().BeNull();
    }

    [Fact]
    public void Tombstones_are_removed_only_after_the_ttl()
    {
        var table = Table(MemberStatus.Dead);
        table.Apply(Update(MemberStatus.Alive, 0, node: "third"), T0);

        table.RemoveTombstones(T0.AddSeconds(59), TimeSpan.FromSeconds(60)).Should().BeEmpty();
        table.RemoveTombstones(T0.AddSeconds(60), TimeSpan.FromSeconds(60)).Select(m => m.NodeId).Should().Equal("other");
        table.TryGet("other", out _).Should().BeFalse();
        table.TryGet("third", out _).Should().BeTrue("live members are never removed");
        table.Count.Should().Be(2);
    }

    [Fact]
    public void The_snapshot_is_ordered_by_node_id_and_does_not_change_afterwards()
    {
        var table = Table(MemberStatus.Alive);
        table.Apply(Update(MemberStatus.Alive, 0, node: "alpha"), T0);

        var snapshot = table.Snapshot();
        table.Apply(Update(MemberStatus.Dead, 0, node: "alpha"), T0);

        snapshot.Members.Select(m => m.NodeId).Should().Equal("alpha", "other", "self");
        snapshot.Members[0].Status.Should().Be(MemberStatus.Alive);
        snapshot.Version.Should().BeLessThan(table.Version);
    }
}
