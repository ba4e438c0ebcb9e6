using System.Collections.Concurrent;
using MeshActors.Events.Delivery;
using MeshActors.Events.Envelope;
using MeshActors.Randomness;

namespace MeshActors.Tests.Events.Delivery;

/// <summary>Burst etiquette through <see cref="MeshEvents"/>: replies of many nodes to one event spread
/// evenly over the reply window, and <see cref="MeshEvents.ReplyAsync"/> waits exactly its node's offset.</summary>
public sealed class ReplyEtiquetteTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Buckets = 20;
    private const double ChiSquareP001With19Df = 43.82;

    [Theory]
    [InlineData(1_000, 0x1111UL)]
    [InlineData(1_000, 0xFEEDUL)]
    [InlineData(10_000, 0x2222UL)]
    public void The_reply_delays_of_many_nodes_fill_the_window_evenly(int nodes, ulong seed)
    {
        var window = TimeSpan.FromSeconds(2);
        var options = new EventsOptions { ReplyWindow = window };
        var eventId = EventId.New(new SeededRandomSource(seed));
        var counts = new int[Buckets];
        for (var i = 0; i < nodes; i++)
        {
            var delay = new MeshEvents($"node-{i}", options, TimeProvider.System, new SeededRandomSource(1)).ReplyDelay(eventId);
            delay.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(window);
            counts[(int)(delay.Ticks * Buckets / window.Ticks)]++;
        }

        var expected = (double)nodes / Buckets;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        chiSquare.Should().BeLessThan(ChiSquareP001With19Df, $"the buckets are [{string.Join(", ", counts)}]");
        var sigma = Math.Sqrt(expected * (1 - (1.0 / Buckets)));
        counts.Should().OnlyContain(c => Math.Abs(c - expected) <= 4.5 * sigma);
    }

    [Fact]
    public async Task ReplyAsync_waits_the_nodes_offset_then_publishes()
    {
        var clock = new ImmediateTimers();
        var rig = new RouterRig(this);
        var events = new MeshEvents("node-42", new EventsOptions { ReplyWindow = TimeSpan.FromSeconds(2) }, clock, new SeededRandomSource(3));
        events.Attach(rig.Router, rig.Metrics);
        var to = new ReceivedEvent(new EventId(1, 2), "status.ping", "n9", Array.Empty<byte>(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Local: false);

        await events.ReplyAsync(to, "status.pong", "here"u8.ToArray());

        clock.DueTimes.Should().ContainSingle().Which.Should().BeCloseTo(events.ReplyDelay(to.Id), TimeSpan.FromMilliseconds(1), "Task.Delay keeps whole milliseconds");
        events.ReplyDelay(to.Id).Should().BeGreaterThan(TimeSpan.Zero);
        (await events.Invoking(e => e.ReplyAsync(to, "bad topic!", Array.Empty<byte>())).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("topic");
    }

    /// <summary>Records each timer's due time and fires it at once, so a wait is observed without sleeping.</summary>
    private sealed class ImmediateTimers : TimeProvider
    {
        public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            DueTimes.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
