using MeshActors.Discovery;
using MeshActors.Discovery.Coordination;
using MeshActors.Randomness;

namespace MeshActors.Tests.Discovery.Coordination;

public sealed class ContactMergeTests
{
    private const DiscoveryTier S = DiscoveryTier.Static, D = DiscoveryTier.Dns, M = DiscoveryTier.Mdns, P = DiscoveryTier.Platform, C = DiscoveryTier.Cache, F = DiscoveryTier.Fallback;

    public static TheoryData<string, (DiscoveryTier, string[])[], string[]> Cases => new()
    {
        { "tiers in order", [(C, ["10.0.0.5:1"]), (P, ["10.0.0.4:1"]), (M, ["10.0.0.3:1"]), (D, ["10.0.0.2:1"]), (S, ["10.0.0.1:1"])], ["10.0.0.1:1", "10.0.0.2:1", "10.0.0.3:1", "10.0.0.4:1", "10.0.0.5:1"] },
        { "an address once, at its lowest tier", [(C, ["10.0.0.1:1", "10.0.0.9:1"]), (S, ["10.0.0.9:1"])], ["10.0.0.9:1", "10.0.0.1:1"] },
        { "fallback left out when another tier has anything", [(F, ["10.9.9.9:1"]), (C, ["10.0.0.5:1"])], ["10.0.0.5:1"] },
        { "fallback only when every other tier is empty", [(F, ["10.9.9.9:1"]), (S, []), (D, [])], ["10.9.9.9:1"] },
        { "nothing anywhere", [(S, []), (F, [])], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merges_in_tier_order_with_fallback_only_when_all_else_is_empty(string name, (DiscoveryTier, string[])[] latest, string[] expected)
    {
        var merged = ContactMerge.Merge(latest.Select(l => (l.Item1, (IReadOnlyList<ContactPoint>)l.Item2.Select(a => new ContactPoint(NodeAddress.Parse(a), l.Item1.ToString())).ToList())), new SeededRandomSource(3));

        merged.Select(m => m.Address.ToString()).Should().Equal(expected, name);
        merged.All(m => m.Provider == m.Tier.ToString()).Should().BeTrue("each contact keeps the provider of its tier");
    }

    [Fact]
    public void Keeps_the_contact_points_details_and_honours_srv_priority()
    {
        var dns = new List<ContactPoint>
        {
            new(NodeAddress.Parse("10.0.0.2:7946"), "dns") { Priority = 20, Source = "SRV b", HostName = "b.example.com" },
            new(NodeAddress.Parse("10.0.0.1:7946"), "dns") { Priority = 10, Source = "SRV a", HostName = "a.example.com", NodeId = "a", Fingerprint = "sha256:aa" },
        };

        var merged = ContactMerge.Merge([(D, dns)], new SeededRandomSource(1));

        merged.Select(m => m.Point.Source).Should().Equal("SRV a", "SRV b");
        merged[0].Point.Should().Be(dns[1]);
        merged[0].Tier.Should().Be(D);
    }
}
