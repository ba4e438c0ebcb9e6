using MeshActors.Sharding;

namespace MeshActors.Tests.Sharding;

public sealed class LocalityStrategyTests
{
    private static readonly ShardMember[] Cluster =
    [
        new("a1", new HashSet<string>(), "eu-1a", "eu"),
        new("a2", new HashSet<string>(), "eu-1a", "eu"),
        new("b1", new HashSet<string>(), "eu-1b", "eu"),
        new("u1", new HashSet<string>(), "us-1a", "us"),
    ];

    [Theory]
    [InlineData("eu-1a", "eu", new[] { "a1", "a2" })]
    [InlineData("eu-1c", "eu", new[] { "a1", "a2", "b1" })]
    [InlineData("ap-1a", "ap", new[] { "a1", "a2", "b1", "u1" })]
    [InlineData(null, null, new[] { "a1", "a2", "b1", "u1" })]
    public void Owners_come_from_the_preferred_zone_else_the_region_else_everyone(string? zone, string? region, string[] owners)
    {
        var ns = new ShardNamespace("orders", 2_000, preferredZone: zone, preferredRegion: region);

        Members.Assign(LocalityStrategy.StrategyName, ns, Cluster).Loads().Keys.Should().BeEquivalentTo(owners);
    }

    [Fact]
    public void A_preferred_zone_member_without_an_eligible_role_does_not_count()
    {
        var ns = new ShardNamespace("orders", 200, new HashSet<string> { "worker" }, "eu-1a", "eu");
        var members = Cluster.Select(m => m with { Roles = new HashSet<string> { m.Id == "b1" ? "worker" : "api" } });

        Members.Assign(LocalityStrategy.StrategyName, ns, members).Loads().Keys.Should().Equal("b1");
    }

    [Fact]
    public void Without_a_preference_locality_places_exactly_as_rendezvous()
    {
        var ns = new ShardNamespace("orders", 1_000);
        var members = Members.Plain(7).Select((m, i) => m with { Capacity = 50 + (25 * i) }).ToList();

        var locality = Members.Assign(LocalityStrategy.StrategyName, ns, members);
        var rendezvous = Members.Assign(RendezvousStrategy.StrategyName, ns, members);
        locality.ShardsMovedTo(rendezvous).Should().BeEmpty();
    }
}
