using MeshActors.Events.Topics;

namespace MeshActors.Events.Delivery;

/// <summary>The router's local subscriptions: the <see cref="SubscriptionTable"/> of patterns and
/// the sink of each. A node with none that match an event's topic only relays that event.</summary>
internal sealed class LocalSubscriptions
{
    private readonly Dictionary<string, IEventSink> _sinks = new(StringComparer.Ordinal);

    public SubscriptionTable Table { get; private set; } = SubscriptionTable.Empty;

    public int Count => _sinks.Count;

    public void Add(string id, TopicPattern pattern, IEventSink sink)
    {
        Remove(id);
        Table = Table.Add(id, pattern);
        _sinks[id] = sink;
    }

    public void Remove(string id)
    {
        Table = Table.Remove(id);
        _sinks.Remove(id);
    }

    /// <summary>Removes every subscription whose sink is <paramref name="subscriber"/>'s.</summary>
    public void RemoveActor(Akka.Actor.IActorRef subscriber)
    {
        foreach (var id in _sinks.Where(kv => kv.Value is ActorSink a && a.Subscriber.Equals(subscriber)).Select(kv => kv.Key).ToList())
        {
            Remove(id);
        }
    }

    public bool AnyMatch(string topic) => Table.AnyMatch(topic);

    /// <summary>Hands <paramref name="received"/> to every subscription whose pattern matches; returns how many.</summary>
    public int Deliver(ReceivedEvent received)
    {
        var ids = Table.Match(received.Topic);
        foreach (var id in ids)
        {
            _sinks[id].Offer(received);
        }

        return ids.Count;
    }
}
