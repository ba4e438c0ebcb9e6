using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MeshActors.Hosting;

/// <summary>
/// A snapshot that is always current plus a stream of the changes after it, for embedders and the
/// control plane (members, leaders, shard tables). Each watcher gets its own bounded channel; one
/// that falls <see cref="Capacity"/> changes behind loses the oldest, and the snapshot stays the
/// way to catch up. Publishing never blocks on a slow watcher.
/// </summary>
/// <typeparam name="TSnapshot">The immutable state.</typeparam>
/// <typeparam name="TChange">One change.</typeparam>
internal sealed class ChangeFeed<TSnapshot, TChange>(TSnapshot initial)
    where TSnapshot : class
{
    /// <summary>How many unread changes a watcher may have before the oldest are dropped.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly List<Channel<TChange>> _watchers = [];
    private TSnapshot _snapshot = initial;
    private bool _completed;

    /// <summary>The state now.</summary>
    public TSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The changes from the moment of this call on (the subscription is made here, not at the first
    /// <c>MoveNextAsync</c>); it ends when the enumeration does, or at <see cref="Complete"/>.</summary>
    public IAsyncEnumerable<TChange> WatchAsync(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<TChange>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel);
            }
        }

        return ReadAsync(channel, cancellationToken);
    }

    /// <summary>Replaces the snapshot and hands <paramref name="changes"/> to every watcher, atomically with respect to
    /// <see cref="WatchAsync"/>: a watcher sees exactly the changes after the snapshot it could read when it subscribed.</summary>
    public void Publish(TSnapshot snapshot, IEnumerable<TChange> changes)
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, snapshot);
            foreach (var change in changes)
            {
                foreach (var watcher in _watchers)
                {
                    watcher.Writer.TryWrite(change);
                }
            }
        }
    }

    /// <summary>Replaces the snapshot under the same lock as <see cref="Publish"/>, computing it from the current one.</summary>
    public void Update(Func<TSnapshot, (TSnapshot Snapshot, IReadOnlyList<TChange> Changes)> update)
    {
        lock (_gate)
        {
            var (snapshot, changes) = update(_snapshot);
            Publish(snapshot, changes);
        }
    }

    /// <summary>Ends every open watch (the node is stopping) and every later one at once.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }
    }

    private async IAsyncEnumerable<TChange> ReadAsync(Channel<TChange> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
