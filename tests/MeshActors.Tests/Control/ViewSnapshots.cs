using MeshActors.Views.Overlay;

namespace MeshActors.Tests.Control;

/// <summary>A views snapshot as the view manager would publish it: two active peers (one not yet pinged), one passive, one ban.</summary>
internal static class ViewSnapshots
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>The sample, its times relative to <paramref name="now"/> (default <see cref="Now"/>,
    /// fixed once per test run, for tests that compare exact times).</summary>
    public static ViewsSnapshot Sample(long version = 7, DateTimeOffset? now = null) => Sample(version, now ?? Now);

    private static ViewsSnapshot Sample(long version, DateTimeOffset now) => new(
        new OverlayPeer("node-1", "akka.ssl.tcp://mesh@10.0.0.1:4053"),
        [
            new ViewPeer("node-2", "akka.ssl.tcp://mesh@10.0.0.2:4053", 0.92, 1.5, now.AddMinutes(-3).AddSeconds(-12)),
            new ViewPeer("node-3", "akka.ssl.tcp://mesh@10.0.1.3:4053", 0.5, null, now.AddSeconds(-20)),
        ],
        [new ViewPeer("node-4", "akka.ssl.tcp://mesh@10.0.2.4:4053", 0.1, null, now.AddHours(-2))],
        [new BannedPeer("node-9", "akka.ssl.tcp://mesh@10.0.9.9:4053", now.AddMinutes(10), "PEX flood")],
        new ViewLimits(ActiveTarget: 5, ActiveLow: 4, ActiveHigh: 8, PassiveSize: 30, MaxPeers: 12, MaxPerSubnet: 2, InboundPerSecond: 10),
        version);
}
