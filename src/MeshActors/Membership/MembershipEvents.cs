using System.Threading.Channels;

namespace MeshActors.Membership;

/// <summary>
/// Fans member updates out to subscribers. The membership actor only builds snapshots while
/// someone listens, so a node nobody watches (or ten thousand simulated ones) pays nothing.
/// A slow subscriber's backlog is bounded: when it is full, the oldest updates are dropped, which
/// loses no state because every update carries the whole snapshot.
/// </summary>
internal sealed class MembershipEvents
{
    private const int Backlog = 256;
    private readonly Lock _gate = new();
    private readonly List<Channel<MembershipUpdate>> _subscribers = [];

    public bool HasSubscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count > 0;
            }
        }
    }

    public ChannelReader<MembershipUpdate> Subscribe(MembershipUpdate first)
    {
        var channel = Channel.CreateBounded<MembershipUpdate>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        channel.Writer.TryWrite(first);
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<MembershipUpdate> reader)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(c => c.Reader == reader);
        }
    }

    public void Publish(MembershipUpdate update)
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(update);
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }
}
