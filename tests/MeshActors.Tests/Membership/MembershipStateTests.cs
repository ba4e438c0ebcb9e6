using MeshActors.Membership;
using static MeshActors.Membership.MembershipState;

namespace MeshActors.Tests.Membership;

public sealed class MembershipStateTests
{
    private const string Self = "akka.tcp://c@10.0.0.1:7946";
    private const string Other = "akka.tcp://c@10.0.0.2:7946";
    private static readonly DateTimeOffset At = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static MemberFacts Facts(string address, string status, long uid = 1) => new(address, address + "#" + uid, status, ["worker"], "1.2.3");

    private static MemberMetadata Meta(string nodeId, string team = "a") => new(nodeId, "eu", "eu-1a", 100, new Dictionary<string, string> { ["team"] = team });

    [Theory]
    [InlineData(MemberEventKind.Joined, "joining", "joining")]
    [InlineData(MemberEventKind.Up, "up", "up")]
    [InlineData(MemberEventKind.Up, "weaklyup", "weaklyup")]
    [InlineData(MemberEventKind.Leaving, "leaving", "leaving")]
    [InlineData(MemberEventKind.Exited, "exiting", "exiting")]
    [InlineData(MemberEventKind.Downed, "down", "down")]
    public void A_member_event_sets_the_status_akka_reports_and_emits_one_event(MemberEventKind kind, string akkaStatus, string listed)
    {
        var state = Empty(Self).WithMember(Facts(Other, akkaStatus), kind, At);

        state.ToSnapshot().Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Address = Other, Status = listed, Reachable = true, Roles = new[] { "worker" }, AppVersion = "1.2.3" });
        state.Pending.Should().ContainSingle().Which.Kind.Should().Be(kind);
        state.Version.Should().Be(1);
    }

    [Fact]
    public void Removed_takes_the_member_and_its_metadata_out_and_the_event_says_removed()
    {
        var state = Empty(Self).WithMember(Facts(Other, "up"), MemberEventKind.Up, At).WithMetadata(Other + "#1", Meta("n2"), At)
            .WithMember(Facts(Other, "down"), MemberEventKind.Removed, At);

        state.ToSnapshot().Members.Should().BeEmpty();
        state.Metadata.Should().BeEmpty();
        state.Pending.Last().Should().BeEquivalentTo(new { Kind = MemberEventKind.Removed, Member = new { Status = "removed", NodeId = "n2" } });
    }

    [Fact]
    public void Unreachable_then_reachable_flip_the_flag_each_once_and_repeats_change_nothing()
    {
        var up = Empty(Self).WithMember(Facts(Other, "up"), MemberEventKind.Up, At).WithoutPending();

        var unreachable = up.WithReachability(Other, reachable: false, At);
        unreachable.ToSnapshot().Members.Single().Reachable.Should().BeFalse();
        unreachable.Pending.Single().Kind.Should().Be(MemberEventKind.Unreachable);
        var settled = unreachable.WithoutPending();
        settled.WithReachability(Other, reachable: false, At).Should().BeSameAs(settled, "the same reachability again is no change");

        var back = settled.WithReachability(Other, reachable: true, At);
        back.Pending.Single().Kind.Should().Be(MemberEventKind.Reachable);
        back.WithMember(Facts(Other, "leaving"), MemberEventKind.Leaving, At).ToSnapshot().Members.Single().Reachable.Should().BeTrue("a status change keeps the reachability");
    }

    [Fact]
    public void Reachability_of_an_unknown_member_is_ignored()
    {
        var state = Empty(Self);
        state.WithReachability(Other, reachable: false, At).Should().BeSameAs(state);
    }

    [Fact]
    public void Metadata_names_the_node_and_a_change_of_labels_is_one_metadata_event()
    {
        var state = Empty(Self).WithMember(Facts(Other, "up"), MemberEventKind.Up, At).WithoutPending();

        var first = state.WithMetadata(Other + "#1", Meta("n2"), At);
        first.ToSnapshot().Members.Single().NodeId.Should().Be("n2");
        first.Pending.Single().Kind.Should().Be(MemberEventKind.MetadataChanged);
        first.WithoutPending().WithMetadata(Other + "#1", Meta("n2"), At).Pending.Should().BeEmpty("the same metadata again is no change");
        first.WithoutPending().WithMetadata(Other + "#1", Meta("n2", team: "b"), At).Pending.Single().Member.Metadata!.Labels["team"].Should().Be("b");
    }

    [Fact]
    public void Metadata_of_another_incarnation_at_the_same_address_does_not_apply_to_this_one()
    {
        var state = Empty(Self).WithMember(Facts(Other, "up", uid: 2), MemberEventKind.Up, At).WithoutPending()
            .WithMetadata(Other + "#1", Meta("old-incarnation"), At);

        state.ToSnapshot().Members.Single().NodeId.Should().BeEmpty("the entry is keyed by address and uid");
        state.Pending.Should().BeEmpty("no member of that incarnation is listed");
    }

    [Fact]
    public void Metadata_that_arrives_before_its_member_is_applied_when_the_member_appears()
    {
        var state = Empty(Self).WithMetadata(Other + "#1", Meta("n2"), At).WithMember(Facts(Other, "joining"), MemberEventKind.Joined, At);

        state.ToSnapshot().Members.Single().NodeId.Should().Be("n2");
    }

    [Fact]
    public void The_snapshot_lists_members_by_address_and_finds_self()
    {
        var state = Empty(Self).WithMember(Facts(Other, "up"), MemberEventKind.Up, At).WithMember(Facts(Self, "up"), MemberEventKind.Up, At);

        state.ToSnapshot().Members.Select(m => m.Address).Should().Equal(Self, Other);
        state.ToSnapshot().SelfMember!.Address.Should().Be(Self);
    }

    [Fact]
    public void Replicated_metadata_round_trips_and_junk_is_refused()
    {
        MemberMetadata.FromJson(Meta("n2").ToJson())!.SameAs(Meta("n2")).Should().BeTrue();
        MemberMetadata.FromJson("{not json").Should().BeNull();
    }
}
