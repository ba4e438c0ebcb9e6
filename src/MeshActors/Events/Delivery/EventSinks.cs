using System.Threading.Channels;
using Akka.Actor;

namespace MeshActors.Events.Delivery;

/// <summary>Where the router hands an admitted event for one subscription.</summary>
internal interface IEventSink
{
    /// <summary>Hands <paramref name="received"/> over; must not block.</summary>
    void Offer(ReceivedEvent received);
}

/// <summary>An <c>IAsyncEnumerable</c> subscriber's bounded buffer: when full the oldest event is
/// dropped and counted, so a slow reader never grows memory nor slows the router.</summary>
internal sealed class ChannelSink : IEventSink
{
    public ChannelSink(int capacity, Action dropped) =>
        Channel = System.Threading.Channels.Channel.CreateBounded<ReceivedEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => dropped());

    public Channel<ReceivedEvent> Channel { get; }

    public void Offer(ReceivedEvent received) => Channel.Writer.TryWrite(received);
}

/// <summary>An actor subscriber: it is told each <see cref="ReceivedEvent"/>.</summary>
internal sealed class ActorSink(IActorRef subscriber) : IEventSink
{
    public IActorRef Subscriber { get; } = subscriber;

    public void Offer(ReceivedEvent received) => Subscriber.Tell(received, ActorRefs.NoSender);
}
