using MeshActors.Randomness;
using MeshActors.Discovery;
using MeshActors.Discovery.Bootstrap;

namespace MeshActors.Tests.Discovery.Bootstrap;

public sealed class ContactOrderTests
{
    private static (ContactPoint, DiscoveryTier) Cp(string address, DiscoveryTier tier, int priority = 0, int weight = 0, string provider = "p") =>
        (new ContactPoint(NodeAddress.Parse(address), provider) { Priority = priority, Weight = weight }, tier);

    [Fact]
    public void Tiers_come_in_order_and_an_address_keeps_its_lowest_tier()
    {
        var merged = ContactOrder.Merge(
            [Cp("10.0.0.3:1", DiscoveryTier.Cache, provider: "peer-cache"), Cp("10.0.0.2:1", DiscoveryTier.Dns), Cp("10.0.0.1:1", DiscoveryTier.Static), Cp("10.0.0.3:1", DiscoveryTier.Dns, provider: "dns")],
            new SeededRandomSource(1));

        merged.Should().HaveCount(3);
        merged.Select(m => m.Tier).Should().BeInAscendingOrder();
        merged[0].Point.Address.ToString().Should().Be("10.0.0.1:1");
        merged.Single(m => m.Point.Address.Host == "10.0.0.3").Should().Be((merged.Single(m => m.Point.Address.Host == "10.0.0.3").Point, DiscoveryTier.Dns));
        merged.Single(m => m.Point.Address.Host == "10.0.0.3").Point.Provider.Should().Be("dns");
    }

    [Fact]
    public void Lower_srv_priority_first_and_weight_zero_after_weighted()
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var merged = ContactOrder.Merge(
                [Cp("10.0.0.1:1", DiscoveryTier.Dns, priority: 20, weight: 100), Cp("10.0.0.2:1", DiscoveryTier.Dns, priority: 10, weight: 0), Cp("10.0.0.3:1", DiscoveryTier.Dns, priority: 10, weight: 5)],
                new SeededRandomSource(seed));

            merged.Select(m => m.Point.Address.Host).Should().Equal("10.0.0.3", "10.0.0.2", "10.0.0.1");
        }
    }

    [Fact]
    public void Within_a_priority_heavier_targets_come_first_in_proportion_to_weight()
    {
        var random = new SeededRandomSource(42);
        var heavyFirst = 0;
        const int runs = 4000;
        for (var i = 0; i < runs; i++)
        {
            var merged = ContactOrder.Merge([Cp("10.0.0.1:1", DiscoveryTier.Dns, weight: 30), Cp("10.0.0.2:1", DiscoveryTier.Dns, weight: 10)], random);
            heavyFirst += merged[0].Point.Address.Host == "10.0.0.1" ? 1 : 0;
        }

        // RFC 2782: P(heavy first) = 30 / 40.
        ((double)heavyFirst / runs).Should().BeApproximately(0.75, 0.03);
    }

    [Fact]
    public void Unweighted_entries_are_shuffled_not_kept_in_input_order()
    {
        var input = Enumerable.Range(1, 8).Select(i => Cp($"10.0.0.{i}:1", DiscoveryTier.Static)).ToList();
        var orders = Enumerable.Range(0, 20).Select(s => string.Join(",", ContactOrder.Merge(input, new SeededRandomSource((ulong)s)).Select(m => m.Point.Address.Host))).Distinct().Count();

        orders.Should().BeGreaterThan(15);
    }

    [Theory]
    [InlineData("10.0.0.9:1", "10.0.0.10:1", -1)]
    [InlineData("10.0.0.1:2", "10.0.0.1:10", -1)]
    [InlineData("10.0.0.1:1", "[::1]:1", -1)]
    [InlineData("10.0.0.1:1", "a.example:1", -1)]
    [InlineData("B.example:1", "a.example:1", 1)]
    [InlineData("a.example:1", "A.EXAMPLE:1", 0)]
    public void Address_order_is_numeric_for_ips(string x, string y, int sign)
    {
        Math.Sign(AddressOrder.Instance.Compare(NodeAddress.Parse(x), NodeAddress.Parse(y))).Should().Be(sign);
        Math.Sign(AddressOrder.Instance.Compare(NodeAddress.Parse(y), NodeAddress.Parse(x))).Should().Be(-sign);
    }
}
