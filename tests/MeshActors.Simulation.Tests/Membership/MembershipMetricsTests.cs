using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MeshActors.Diagnostics;
using MeshActors.Membership;
using MeshActors.Simulation;

namespace MeshActors.Simulation.Tests.Membership;

/// <summary>The membership metrics move when the protocol does: probes, indirect probes,
/// suspicions, messages by type, push-pull, members by status.</summary>
public sealed class MembershipMetricsTests
{
    [Fact]
    public void A_crash_shows_up_in_probe_suspicion_and_member_metrics()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeshMetrics.MeterName && instrument.Name.StartsWith("meshactors.membership.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.AddOrUpdate(Key(instrument, tags), value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => seen.AddOrUpdate(Key(instrument, tags), 1, (_, v) => v + 1));
        listener.Start();

        var cluster = new SimulatedCluster(5, MembershipSettings.FromProfile("lan"));
        for (var i = 0; i < 6; i++)
        {
            cluster.Add();
        }

        cluster.RunUntilConverged(6, TimeSpan.FromMinutes(1)).Should().BeTrue();
        cluster.Node(4).Crash();
        cluster.Simulation.RunUntil(() => cluster.AllSee(4, MemberStatus.Dead, cluster.Running()), TimeSpan.FromMinutes(1)).Should().BeTrue();
        cluster.Simulation.RunFor(TimeSpan.FromSeconds(40)); // at least one push-pull round

        // Other tests may run at the same time and add to the same global instruments, so only
        // "at least" assertions hold; each names something this scenario must have produced.
        seen.Should().ContainKey("meshactors.membership.probes outcome=ack").WhoseValue.Should().BeGreaterThan(0);
        seen.Should().ContainKey("meshactors.membership.probes outcome=failed").WhoseValue.Should().BeGreaterThan(0);
        seen.Should().ContainKey("meshactors.membership.indirect_probes outcome=no_answer");
        seen.Should().ContainKey("meshactors.membership.suspicions event=raised");
        seen.Should().ContainKey("meshactors.membership.probe.duration");
        seen.Should().ContainKey("meshactors.membership.members status=dead").WhoseValue.Should().BeGreaterThanOrEqualTo(5);
        foreach (var type in new[] { "ping", "ack", "indirect_ping", "gossip", "push_pull" })
        {
            seen.Should().ContainKey($"meshactors.membership.messages.sent type={type}");
            seen.Should().ContainKey($"meshactors.membership.bytes.sent type={type}");
        }

        seen.Should().ContainKey("meshactors.membership.push_pull direction=initiated");
        seen.Should().ContainKey("meshactors.membership.push_pull direction=answered");
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string> { instrument.Name };
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(' ', parts);
    }
}
