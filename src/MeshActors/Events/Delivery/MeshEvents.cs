using System.Runtime.CompilerServices;
using System.Text;
using Akka.Actor;
using MeshActors.Events.Envelope;
using MeshActors.Events.Etiquette;
using MeshActors.Events.Topics;
using MeshActors.Randomness;

namespace MeshActors.Events.Delivery;

/// <summary>
/// Signed, interest-based events over the overlay (<c>meshactors.events</c>): <c>MeshNode.Get(system).Events</c>.
/// <see cref="Publish(string, ReadOnlyMemory{byte})"/> signs an event with this node's key and sends
/// it along the overlay's broadcast tree; <see cref="Subscribe(string, CancellationToken)"/> and
/// <see cref="Subscribe(string, IActorRef)"/> receive the events whose topic matches a pattern. Every
/// event, this node's own included, passes the same admission (signature, replay, duplicates)
/// before a subscriber sees it. Thread-safe.
/// </summary>
public sealed class MeshEvents
{
    private readonly IRandomSource _random;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ChannelSink> _streams = new();
    private volatile bool _completed;
    private IActorRef? _router;
    private EventMetrics? _metrics;

    internal MeshEvents(string nodeId, EventsOptions options, TimeProvider time, IRandomSource random)
    {
        NodeId = nodeId;
        Options = options;
        Time = time;
        _random = new SynchronizedRandomSource(random);
    }

    /// <summary>This node's id, the source of the events it publishes.</summary>
    public string NodeId { get; }

    /// <summary>The settings in force.</summary>
    public EventsOptions Options { get; }

    internal TimeProvider Time { get; }

    private IActorRef Router => _router ?? throw new InvalidOperationException("the event plane has not started: use MeshEvents once the node has started (after the host's StartAsync)");

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>; returns the event's id at once (delivery is asynchronous).</summary>
    /// <exception cref="ArgumentException">The topic is not a topic name or not in <c>meshactors.events.allowed-topics</c>, or the payload is larger than <c>meshactors.events.max-payload-bytes</c>.</exception>
    /// <exception cref="InvalidOperationException">The node has not started.</exception>
    public EventId Publish(string topic, ReadOnlyMemory<byte> payload)
    {
        if (Problem(topic, payload.Length) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        var router = Router;
        var id = EventId.New(_random);
        router.Tell(new EventRouter.Protocol.Publish(id, topic, payload.ToArray()), ActorRefs.NoSender);
        return id;
    }

    /// <summary>Publishes <paramref name="text"/>, UTF-8 encoded, on <paramref name="topic"/>.</summary>
    /// <exception cref="ArgumentException">As <see cref="Publish(string, ReadOnlyMemory{byte})"/>.</exception>
    public EventId Publish(string topic, string text) => Publish(topic, Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>
    /// The events whose topic matches <paramref name="pattern"/> (<c>*</c> one segment, a final <c>#</c>
    /// zero or more), from the moment this method returns until <paramref name="cancellationToken"/>
    /// is cancelled or the enumeration is disposed. Up to <c>meshactors.events.subscriber-buffer</c>
    /// events wait for the reader; beyond that the oldest is dropped and counted.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a topic pattern.</exception>
    /// <exception cref="InvalidOperationException">The node has not started.</exception>
    public IAsyncEnumerable<ReceivedEvent> Subscribe(string pattern, CancellationToken cancellationToken = default)
    {
        var parsed = ParsePattern(pattern);
        var router = Router;
        var sink = new ChannelSink(Options.SubscriberBuffer, () => _metrics?.SubscriberDropped.Inc());
        var id = "stream-" + Guid.NewGuid().ToString("N");
        _streams[id] = sink;
        if (_completed)
        {
            sink.Channel.Writer.TryComplete();
        }

        router.Tell(new EventRouter.Protocol.Subscribe(id, parsed, sink), ActorRefs.NoSender);
        var registration = cancellationToken.Register(() => End(router, id));
        return Read(sink, () => End(router, id), registration, cancellationToken);
    }

    /// <summary>Tells <paramref name="subscriber"/> a <see cref="ReceivedEvent"/> for each event whose
    /// topic matches <paramref name="pattern"/>, until the returned handle is disposed or the actor stops.</summary>
    /// <exception cref="ArgumentException">The pattern is not a topic pattern.</exception>
    /// <exception cref="InvalidOperationException">The node has not started.</exception>
    public IDisposable Subscribe(string pattern, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var parsed = ParsePattern(pattern);
        var router = Router;
        var id = "actor-" + Guid.NewGuid().ToString("N");
        router.Tell(new EventRouter.Protocol.Subscribe(id, parsed, new ActorSink(subscriber)), ActorRefs.NoSender);
        return new Subscription(() => router.Tell(new EventRouter.Protocol.Unsubscribe(id), ActorRefs.NoSender));
    }

    /// <summary>How long this node waits before replying to event <paramref name="eventId"/>: its
    /// burst-etiquette offset in [0, <c>meshactors.events.reply-window</c>).</summary>
    public TimeSpan ReplyDelay(EventId eventId) => BurstEtiquette.Offset(NodeId, eventId, Options.ReplyWindow);

    /// <summary>Publishes a reply to <paramref name="to"/> after <see cref="ReplyDelay"/>, so that the
    /// replies of many nodes to one mesh-wide event spread evenly over the reply window.</summary>
    /// <exception cref="ArgumentException">As <see cref="Publish(string, ReadOnlyMemory{byte})"/>; checked before waiting.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public async Task<EventId> ReplyAsync(ReceivedEvent to, string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (Problem(topic, payload.Length) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        await Task.Delay(ReplyDelay(to.Id), Time, cancellationToken).ConfigureAwait(false);
        return Publish(topic, payload);
    }

    /// <summary>Why an event on <paramref name="topic"/> with <paramref name="payloadLength"/> bytes
    /// cannot be published, naming the field and the fix; null when it can.</summary>
    internal (string Field, string Message)? Problem(string? topic, int payloadLength)
    {
        if (TopicName.Problem(topic) is { } bad)
        {
            return ("topic", $"\"{topic}\" is not a topic name: {bad}; expected {TopicName.Rule}");
        }

        if (!Options.Allows(topic!))
        {
            return ("topic", $"topic {topic} is not carried by this cluster: meshactors.events.allowed-topics is [{string.Join(", ", Options.AllowedTopics)}]; publish on a matching topic or add a pattern that matches it");
        }

        if (payloadLength > Options.MaxPayloadBytes)
        {
            return ("payload", $"the payload has {payloadLength} bytes, more than meshactors.events.max-payload-bytes ({Options.MaxPayloadBytes}); send less (e.g. a reference to the data) or raise the setting on every node");
        }

        return null;
    }

    internal void Attach(IActorRef router, EventMetrics metrics)
    {
        _metrics = metrics;
        Volatile.Write(ref _router, router);
    }

    private static TopicPattern ParsePattern(string pattern) =>
        TopicPattern.TryParse(pattern, out var parsed, out var problem)
            ? parsed
            : throw new ArgumentException($"\"{pattern}\" is not a topic pattern: {problem}; write e.g. infrastructure.* or deployment.#", nameof(pattern));

    /// <summary>Ends every stream subscription (the node is stopping): their enumerations finish
    /// after the events already buffered, so control-plane streams let the web server stop.</summary>
    internal void Complete()
    {
        _completed = true;
        foreach (var sink in _streams.Values)
        {
            sink.Channel.Writer.TryComplete();
        }
    }

    private void End(IActorRef router, string id)
    {
        _streams.TryRemove(id, out _);
        router.Tell(new EventRouter.Protocol.Unsubscribe(id), ActorRefs.NoSender);
    }

    private static async IAsyncEnumerable<ReceivedEvent> Read(ChannelSink sink, Action end, CancellationTokenRegistration registration, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await sink.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (sink.Channel.Reader.TryRead(out var received))
                {
                    yield return received;
                }
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            end();
        }
    }

    private sealed class Subscription(Action end) : IDisposable
    {
        private Action? _end = end;

        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
