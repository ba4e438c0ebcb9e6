using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MeshActors.Diagnostics;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;

namespace MeshActors.Tests.Transport;

/// <summary>The transport's metrics move with real traffic. The meter is process-wide and other
/// tests run alongside, so each assertion is a lower bound on this test's own contribution.</summary>
public sealed class TransportMetricsTests : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly MeterListener _listener = new();
    private readonly LoopbackTransports _transports = new();

    public TransportMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeshMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, 1, tags));
        _listener.Start();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _transports.DisposeAsync();
    }

    [Fact]
    public async Task Sends_receives_round_trips_and_refusals_are_counted_with_their_tags()
    {
        var a = await Start("metrics-a", "m1");
        var b = await Start("metrics-b", "m1");
        var stranger = await Start("metrics-c", "m2");

        for (var i = 0; i < 3; i++)
        {
            await a.RequestAsync(b.LocalAddress, new Probe { Sequence = (ulong)i }, TimeSpan.FromSeconds(10));
        }

        var refused = () => stranger.RequestAsync(b.LocalAddress, new Probe(), TimeSpan.FromSeconds(10));
        await refused.Should().ThrowAsync<HandshakeRefusedException>();

        Total("meshactors.transport.messages.sent|outcome=ok|type=Probe").Should().BeGreaterThanOrEqualTo(3);
        Total("meshactors.transport.messages.received|outcome=ok|type=Probe").Should().BeGreaterThanOrEqualTo(3);
        Total("meshactors.transport.request.duration|type=Probe").Should().BeGreaterThanOrEqualTo(3);
        Total("meshactors.transport.bytes.sent|type=Probe").Should().BeGreaterThan(0);
        Total("meshactors.transport.handshake.refusals|reason=ClusterIdMismatch|side=local").Should().BeGreaterThanOrEqualTo(1);
        Total("meshactors.transport.handshake.refusals|reason=ClusterIdMismatch|side=remote").Should().BeGreaterThanOrEqualTo(1);
        Total("meshactors.transport.messages.sent|outcome=refused|type=Probe").Should().BeGreaterThanOrEqualTo(1);
    }

    private double Total(string key) => _totals.GetValueOrDefault(key);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"|{t.Key}={t.Value}"));
        _totals.AddOrUpdate(key, value, (_, old) => old + value);
    }

    private Task<Http2Transport> Start(string nodeId, string cluster) =>
        _transports.StartAsync(LoopbackTransports.Options(nodeId, cluster));
}
