using MeshActors.Membership;
using MeshActors.Sharding.Ownership;

namespace MeshActors.Tests.Sharding.Ownership;

public sealed class ShardMembersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static MemberView Member(string id, string status = "up", bool reachable = true, Dictionary<string, string>? labels = null, uint capacity = 100, bool metadata = true) =>
        new(id, $"akka.ssl.tcp://c@10.0.0.1:{id.GetHashCode() & 0x7fff}", status, reachable, ["worker"], "1.0",
            metadata ? new MemberMetadata(id, "eu", "eu-1a", capacity, labels ?? []) : null);

    [Fact]
    public void Up_members_with_metadata_own_shards_and_the_cordon_label_or_leaving_cordons_them()
    {
        var snapshot = new MembershipSnapshot("", [
            Member("a"), Member("b", labels: new() { [ShardMembers.CordonLabel] = "true" }), Member("c", status: "leaving"),
            Member("d", status: "joining"), Member("e", metadata: false), Member("f", capacity: 50_000),
        ], 1);

        var view = ShardMembers.From(snapshot, new Dictionary<string, DateTimeOffset>(), T0, TimeSpan.FromSeconds(3));

        view.Members.Select(m => m.Id).Should().Equal("a", "b", "c", "f");
        view.Cordoned.Should().BeEquivalentTo(["b", "c"]);
        view.Members.Single(m => m.Id == "f").Capacity.Should().Be(10_000, "capacity is clamped to the planner's maximum");
        view.Members.Single(m => m.Id == "a").Zone.Should().Be("eu-1a");
    }

    [Fact]
    public void A_member_counts_as_unreachable_only_after_the_threshold_and_is_forgotten_once_reachable()
    {
        var down = new MembershipSnapshot("", [Member("a"), Member("b", reachable: false)], 1);
        var since = ShardMembers.TrackUnreachable(down, new Dictionary<string, DateTimeOffset>(), T0);
        since.Should().ContainKey("b").WhoseValue.Should().Be(T0);

        ShardMembers.From(down, since, T0.AddSeconds(2.9), TimeSpan.FromSeconds(3)).Unreachable.Should().BeEmpty();
        var later = ShardMembers.TrackUnreachable(down, since, T0.AddSeconds(3));
        later["b"].Should().Be(T0, "the first sighting is kept");
        ShardMembers.From(down, later, T0.AddSeconds(3), TimeSpan.FromSeconds(3)).Unreachable.Should().BeEquivalentTo(["b"]);

        var back = new MembershipSnapshot("", [Member("a"), Member("b")], 2);
        ShardMembers.TrackUnreachable(back, later, T0.AddSeconds(4)).Should().BeEmpty();
    }
}
