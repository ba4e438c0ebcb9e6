using MeshActors.Views.Limits;

namespace MeshActors.Tests.Views.Limits;

public sealed class SubnetTests
{
    [Theory]
    [InlineData("10.1.2.3", "10.1.2.0/24")]
    [InlineData("10.1.2.255", "10.1.2.0/24")]
    [InlineData("2001:db8:1:2::5", "2001:db8:1::/48")]
    [InlineData("[2001:db8:ffff:2::5]", "2001:db8:ffff::/48")]
    [InlineData("::ffff:192.168.7.9", "192.168.7.0/24")]
    [InlineData("fe80::1%3", "fe80:0:0::/48")]
    [InlineData("Node-1.Example.COM.", "node-1.example.com")]
    [InlineData("10.1.2", "10.1.2")]
    [InlineData("localhost", "localhost")]
    public void The_key_is_the_slash_24_the_slash_48_or_the_name(string host, string expected)
    {
        SubnetKey.Of(host).Should().Be(expected);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.3.4", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("128.0.0.1", false)]
    [InlineData("::2", false)]
    [InlineData("node-1", false)]
    [InlineData("", false)]
    public void Loopback_is_exempt_by_default(string host, bool exempt)
    {
        SubnetExemptions.Loopback.IsExempt(host).Should().Be(exempt);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.4.0/22", "192.168.7.255", true)]
    [InlineData("192.168.4.0/22", "192.168.8.0", false)]
    [InlineData("fd00::/8", "fd12:3456::1", true)]
    [InlineData("fd00::/8", "fe80::1", false)]
    [InlineData("10.1.1.1", "10.1.1.1", true)]
    [InlineData("10.1.1.1", "10.1.1.2", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("0.0.0.0/0", "::1", false)]
    public void Exemptions_are_cidr_ranges_of_their_own_family(string range, string host, bool exempt)
    {
        SubnetExemptions.Create([range]).IsExempt(host).Should().Be(exempt);
    }

    [Fact]
    public void Bad_ranges_are_all_named_at_once()
    {
        FluentActions.Invoking(() => SubnetExemptions.Create(["10.0.0.0/33", "10.0.0.0/8", "::/129", "a b", "10.0.0.0/x"]))
            .Should().Throw<ArgumentException>().WithMessage("*\"10.0.0.0/33\", \"::/129\", \"a b\", \"10.0.0.0/x\"*");
        (LimitOptions.Default with { ExemptRanges = ["nope/3"], MaxPeersPerSubnet = -1 }).Validate().Should().HaveCount(2);
        LimitOptions.Default.Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "10.0.0.1", "10.0.0.2" }, "10.0.0.3", 2, false)]
    [InlineData(new[] { "10.0.0.1", "10.0.0.2" }, "10.0.0.3", 3, true)]
    [InlineData(new[] { "10.0.0.1", "10.0.0.2" }, "10.0.1.3", 2, true)]
    [InlineData(new[] { "10.0.0.1", "10.0.0.2" }, "10.0.0.3", 0, true)]
    [InlineData(new[] { "127.0.0.1", "127.0.0.2", "127.0.0.3" }, "127.0.0.4", 1, true)]
    [InlineData(new[] { "127.0.0.1", "127.0.0.2" }, "10.0.0.1", 1, true)]
    [InlineData(new[] { "2001:db8:1:1::1" }, "2001:db8:1:2::1", 1, false)]
    [InlineData(new[] { "a.example.com" }, "b.example.com", 1, true)]
    [InlineData(new[] { "a.example.com" }, "A.example.com", 1, false)]
    [InlineData(new string[0], "10.0.0.1", 1, true)]
    public void Admits_counts_non_exempt_peers_of_the_candidates_subnet(string[] active, string candidate, int max, bool admitted)
    {
        SubnetLimit.Admits(active, candidate, max, SubnetExemptions.Loopback).Should().Be(admitted);
    }
}
