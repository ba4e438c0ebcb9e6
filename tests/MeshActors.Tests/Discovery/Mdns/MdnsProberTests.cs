using MeshActors.Discovery.Mdns;
using MeshActors.Dns;
using MeshActors.Randomness;
using static MeshActors.Tests.Discovery.Mdns.MdnsProbeFixtures;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The probing state machine in virtual time (RFC 6762 §8, §9): what it sends when, and
/// what each received message does to its names.</summary>
public sealed class MdnsProberTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ms250 = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Three_probes_250_ms_apart_the_first_QU_then_two_announcements_a_second_apart()
    {
        var prober = new MdnsProber(Advertisement(), new SeededRandomSource(7), T0);

        var first = prober.Poll(T0);
        first.Kind.Should().Be(MdnsStepKind.Wait);
        first.Until.Should().BeOnOrAfter(T0).And.BeOnOrBefore(T0 + Ms250, "the first probe waits a random 0-250 ms");
        var t = first.Until;
        prober.Poll(t).Kind.Should().Be(MdnsStepKind.ProbeUnicast);
        prober.Poll(t).Should().Be(new MdnsStep(MdnsStepKind.Wait, t + Ms250));
        prober.Poll(t + Ms250).Kind.Should().Be(MdnsStepKind.Probe);
        prober.Poll(t + (2 * Ms250)).Kind.Should().Be(MdnsStepKind.Probe);
        prober.OwnsNames.Should().BeFalse("the records are not answered while probing");
        prober.Poll(t + (3 * Ms250) - TimeSpan.FromTicks(1)).Kind.Should().Be(MdnsStepKind.Wait);

        prober.Poll(t + (3 * Ms250)).Kind.Should().Be(MdnsStepKind.Announce);
        prober.OwnsNames.Should().BeTrue();
        prober.HasAnnounced.Should().BeTrue();
        prober.Poll(t + (3 * Ms250)).Should().Be(new MdnsStep(MdnsStepKind.Wait, t + (3 * Ms250) + TimeSpan.FromSeconds(1)));
        prober.Poll(t + (3 * Ms250) + TimeSpan.FromSeconds(1)).Kind.Should().Be(MdnsStepKind.Announce);
        prober.Poll(t + TimeSpan.FromHours(1)).Should().Be(MdnsStep.Idle);
        prober.Advertisement.InstanceName.Should().Be(Instance);
    }

    [Theory]
    [InlineData("instance", "node-1 (2)._meshactors._tcp.local", "node-1.local")]
    [InlineData("host", Instance, "node-1-2.local")]
    [InlineData("both", "node-1 (2)._meshactors._tcp.local", "node-1-2.local")]
    public void A_response_using_a_probed_name_renames_that_name_and_probes_again(string taken, string instance, string host)
    {
        var (prober, now) = ProbedOnce();
        DnsRecord[] records = taken switch
        {
            "instance" => [Srv(Instance, 7950, "peer-a.local")],
            "host" => [A(Host, "10.0.0.9")],
            _ => [Srv(Instance, 7950, "peer-a.local"), A(Host, "10.0.0.9")],
        };

        var outcome = prober.Observe(Response(records), Ours(prober.Advertisement), now);

        outcome.Kind.Should().Be(MdnsProbeOutcomeKind.Renamed);
        outcome.Previous.Should().Be(Instance);
        prober.Advertisement.InstanceName.Should().Be(instance);
        prober.Advertisement.HostName.Should().Be(host);
        ProbesAgain(prober, now);
    }

    [Fact]
    public void Each_further_conflict_tries_the_next_number()
    {
        var (prober, now) = ProbedOnce();
        prober.Observe(Response(Srv(Instance, 7950, "peer-a.local")), Ours(prober.Advertisement), now);
        now = SendFirstProbe(prober, now);

        prober.Observe(Response(Srv("node-1 (2)._meshactors._tcp.local", 7951, "peer-b.local")), Ours(prober.Advertisement), now);

        prober.Advertisement.InstanceName.Should().Be("node-1 (3)._meshactors._tcp.local");
        prober.ConflictCount.Should().Be(2);
    }

    [Theory]
    [InlineData("before the first probe")]
    [InlineData("our own records")]
    [InlineData("a goodbye")]
    [InlineData("another name")]
    public void Messages_that_are_not_conflicts_change_nothing(string what)
    {
        var fresh = new MdnsProber(Advertisement(), new SeededRandomSource(7), T0);
        var (prober, now) = what == "before the first probe" ? (fresh, T0) : ProbedOnce();
        var message = what switch
        {
            "our own records" => Response([.. Ours(prober.Advertisement)]),
            "a goodbye" => Response(Srv(Instance, 7950, "peer-a.local", ttl: 0)),
            "another name" => Response(Srv("node-2._meshactors._tcp.local", 7950), A("node-2.local", "10.0.0.9")),
            _ => Response(Srv(Instance, 7950, "peer-a.local")),
        };

        prober.Observe(message, Ours(prober.Advertisement), now).Should().Be(MdnsProbeOutcome.None);
        prober.Advertisement.InstanceName.Should().Be(Instance);
    }

    [Theory]
    [InlineData("127.0.0.2", "Deferred")]
    [InlineData("127.0.0.1", "None")]
    [InlineData("126.0.0.1", "None")]
    public void A_simultaneous_probe_with_later_records_defers_us_a_second_under_the_same_name(string theirAddress, string expected)
    {
        var (prober, now) = ProbedOnce();
        var theirs = Ours(prober.Advertisement).Select(r => r.Type == DnsRecordType.A ? A(Host, theirAddress) : r).ToArray();

        var outcome = prober.Observe(ProbeBy(theirs), Ours(prober.Advertisement), now);

        outcome.Kind.ToString().Should().Be(expected);
        prober.Advertisement.InstanceName.Should().Be(Instance);
        if (expected == "Deferred")
        {
            prober.Poll(now).Should().Be(new MdnsStep(MdnsStepKind.Wait, now + TimeSpan.FromSeconds(1)));
            prober.Poll(now + TimeSpan.FromSeconds(1)).Kind.Should().Be(MdnsStepKind.ProbeUnicast);
        }
    }

    [Fact]
    public void Fifteen_conflicts_within_ten_seconds_slow_each_probe_series_to_five_seconds()
    {
        var (prober, now) = ProbedOnce();
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 16; i++)
        {
            var outcome = prober.Observe(Response(Srv(prober.Advertisement.InstanceName, 7950, "peer-a.local")), Ours(prober.Advertisement), now);
            delays.Add(outcome.Delay);
            now = SendFirstProbe(prober, now);
        }

        delays.Take(14).Should().OnlyContain(d => d <= Ms250);
        delays.Skip(14).Should().AllBeEquivalentTo(TimeSpan.FromSeconds(5));
        prober.Advertisement.InstanceName.Should().Be("node-1 (17)._meshactors._tcp.local");
    }

    [Theory]
    [InlineData(7950, "Reprobing")]
    [InlineData(7946, "None")]
    public void After_probing_a_response_contradicting_our_records_starts_probing_again(int port, string expected)
    {
        var prober = new MdnsProber(Advertisement(), new SeededRandomSource(7), T0);
        var now = T0;
        while (!prober.OwnsNames)
        {
            var step = prober.Poll(now);
            now = step.Kind == MdnsStepKind.Wait ? step.Until : now;
        }

        var outcome = prober.Observe(Response(Srv(Instance, (ushort)port)), Ours(prober.Advertisement), now);

        outcome.Kind.ToString().Should().Be(expected);
        prober.OwnsNames.Should().Be(expected == "None");
        prober.Advertisement.InstanceName.Should().Be(Instance, "§9 re-probes the same name; a rename follows only if the other host answers the probe");
    }

    /// <summary>A prober that has sent its first probe, and the time it did.</summary>
    private static (MdnsProber Prober, DateTimeOffset Now) ProbedOnce()
    {
        var prober = new MdnsProber(Advertisement(), new SeededRandomSource(7), T0);
        return (prober, SendFirstProbe(prober, T0));
    }

    private static DateTimeOffset SendFirstProbe(MdnsProber prober, DateTimeOffset now)
    {
        var step = prober.Poll(now);
        var at = step.Kind == MdnsStepKind.Wait ? step.Until : now;
        prober.Poll(at).Kind.Should().Be(MdnsStepKind.ProbeUnicast);
        return at;
    }

    private static void ProbesAgain(MdnsProber prober, DateTimeOffset now)
    {
        prober.OwnsNames.Should().BeFalse();
        var wait = prober.Poll(now);
        wait.Kind.Should().Be(MdnsStepKind.Wait);
        wait.Until.Should().BeOnOrBefore(now + Ms250);
        prober.Poll(wait.Until).Kind.Should().Be(MdnsStepKind.ProbeUnicast, "a new series starts with a QU probe");
    }
}
