using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using static MeshActors.Tests.Sharding.Akka.LoadEntity.Protocol;

namespace MeshActors.Tests.Sharding.Akka;

/// <summary>
/// Proof that a message was lost: Akka.Cluster.Sharding is at-most-once across a hand-off (a region drops
/// the messages it buffered for a shard between <c>BeginHandOff</c> and <c>HandOff</c>, "to avoid
/// re-ordering"), and every drop is published as a dead letter. All the test's nodes share this process,
/// so the watch subscribes to each node's dead letters and cancels the sender's wait for exactly that
/// attempt. A dead-lettered message is never delivered later, so resending it cannot duplicate; a
/// duplicate would still fail the audit.
/// </summary>
internal sealed class LossWatch
{
    private readonly ConcurrentDictionary<Work, CancellationTokenSource> _waiting = new();
    private int _lost;

    /// <summary>How many sent messages were proven lost (and so resent).</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Watches <paramref name="system"/>'s dead letters.</summary>
    public void Watch(ActorSystem system)
    {
        var listener = system.ActorOf(Props.Create(() => new Listener(this)), "loss-watch");
        system.EventStream.Subscribe(listener, typeof(AllDeadLetters));
    }

    /// <summary>A token cancelled if <paramref name="work"/> is proven lost; dispose the registration when the wait ends.</summary>
    public CancellationTokenSource Expect(Work work)
    {
        var lost = new CancellationTokenSource();
        _waiting[work] = lost;
        return lost;
    }

    public void Forget(Work work) => _waiting.TryRemove(work, out _);

    private void Dead(object message)
    {
        while (message is AllDeadLetters wrapped)
        {
            message = wrapped.Message;
        }

        if (message is Work work && _waiting.TryRemove(work, out var lost))
        {
            Interlocked.Increment(ref _lost);
            lost.Cancel();
        }
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(LossWatch watch) => Receive<AllDeadLetters>(dead => watch.Dead(dead));
    }
}
