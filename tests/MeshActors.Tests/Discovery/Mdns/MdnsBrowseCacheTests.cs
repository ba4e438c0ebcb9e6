using System.Net;
using MeshActors.Discovery.Mdns;
using MeshActors.Dns;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Table tests of the browse cache: merge, cluster filter, TTL expiry, goodbyes, bounds.</summary>
public sealed class MdnsBrowseCacheTests
{
    private const string Service = "_meshactors._tcp.local";
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("demo", "node-p", 1, "node-p")]
    [InlineData("other", "node-p", 0, null)]
    [InlineData(null, "node-p", 0, null)]
    [InlineData("demo", "self", 0, null)]
    public void Only_complete_instances_of_our_cluster_other_than_us_become_contact_points(string? cluster, string id, int expected, string? expectedId)
    {
        var cache = new MdnsBrowseCache(Service, 10);
        cache.Merge(Announcement("node-p", cluster, id, ttl: 120), "lo", T0);

        var points = cache.ContactPoints("demo", "self", T0);

        points.Should().HaveCount(expected);
        points.SingleOrDefault()?.NodeId.Should().Be(expectedId);
    }

    [Theory]
    [InlineData(119, 1)]
    [InlineData(120, 0)]
    [InlineData(5000, 0)]
    public void Records_expire_with_their_ttl(int secondsLater, int expected)
    {
        var cache = new MdnsBrowseCache(Service, 10);
        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 120), "lo", T0);

        cache.ContactPoints("demo", "self", T0.AddSeconds(secondsLater)).Should().HaveCount(expected);
    }

    [Fact]
    public void A_goodbye_removes_at_once_and_holds_late_answers_off_for_a_second()
    {
        var cache = new MdnsBrowseCache(Service, 10);
        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 120), "lo", T0);

        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 0), "lo", T0.AddSeconds(1));
        cache.ContactPoints("demo", "self", T0.AddSeconds(1)).Should().BeEmpty();

        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 120), "lo", T0.AddSeconds(1.5));
        cache.ContactPoints("demo", "self", T0.AddSeconds(1.5)).Should().BeEmpty("an answer queued before the goodbye must not revive it");

        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 120), "lo", T0.AddSeconds(3));
        cache.ContactPoints("demo", "self", T0.AddSeconds(3)).Should().ContainSingle("a real re-announcement after the hold-down counts");
    }

    [Fact]
    public void The_cache_is_bounded_and_counts_what_it_drops()
    {
        var cache = new MdnsBrowseCache(Service, 3);
        for (var i = 0; i < 10; i++)
        {
            cache.Merge(Announcement($"n{i}", "demo", $"n{i}", ttl: 120), "lo", T0);
        }

        cache.Count.Should().Be(3);
        cache.HostCount.Should().BeLessThanOrEqualTo(3);
        cache.Dropped.Should().Be(7);
    }

    [Fact]
    public void An_instance_known_only_by_its_ptr_asks_for_the_rest()
    {
        var cache = new MdnsBrowseCache(Service, 10);
        var ptrOnly = Announcement("node-p", "demo", "node-p", ttl: 120) with { Answers = [Announcement("node-p", "demo", "node-p", 120).Answers[0]] };
        cache.Merge(ptrOnly, "lo", T0);

        cache.ContactPoints("demo", "self", T0).Should().BeEmpty();
        cache.Unresolved().Should().ContainSingle().Which.Name.Should().Be("node-p." + Service);
    }

    [Fact]
    public void Queries_are_not_merged()
    {
        var cache = new MdnsBrowseCache(Service, 10);
        cache.Merge(Announcement("node-p", "demo", "node-p", ttl: 120) with { IsResponse = false }, "lo", T0);

        cache.Count.Should().Be(0);
    }

    /// <summary>A python3-zeroconf-like announcement of <paramref name="name"/> at 10.1.0.7:7950.</summary>
    internal static DnsMessage Announcement(string name, string? cluster, string id, uint ttl)
    {
        var instance = $"{name}.{Service}";
        List<KeyValuePair<string, string?>> txt = [new("id", id)];
        if (cluster is not null)
        {
            txt.Add(new("cluster", cluster));
        }

        return new DnsMessage
        {
            IsResponse = true,
            Answers =
            [
                new DnsRecord(Service, DnsRecordType.PTR, ttl, new PtrData(instance)),
                new DnsRecord(instance, DnsRecordType.SRV, ttl, new SrvData(0, 0, 7950, name + ".local"), true),
                new DnsRecord(instance, DnsRecordType.TXT, ttl, TxtData.FromAttributes(txt), true),
                new DnsRecord(name + ".local", DnsRecordType.A, ttl, new AddressData(IPAddress.Parse("10.1.0.7")), true),
            ],
        };
    }
}
