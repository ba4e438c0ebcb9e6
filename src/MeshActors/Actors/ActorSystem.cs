using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Actors;

/// <summary>
/// A set of actors sharing a dispatcher, clock, random source and logging. Top-level actors are
/// spawned here, their children through <see cref="IActorContext{TMessage}.Spawn{TChild}"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly Dictionary<string, ActorCell> _topLevel = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ILogger _log;
    private long _deadLetters;

    /// <summary>Creates a system named <paramref name="name"/> on <paramref name="settings"/>.</summary>
    public ActorSystem(string name, ActorSystemSettings? settings = null)
    {
        settings ??= new ActorSystemSettings();
        if (settings.Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Throughput, "Throughput must be at least 1.");
        }

        Name = name;
        Dispatcher = settings.Dispatcher;
        Time = settings.Time;
        Random = settings.Random ?? EntropyRandomSource.Create();
        LoggerFactory = settings.LoggerFactory;
        Throughput = settings.Throughput;
        _log = LoggerFactory.CreateLogger("MeshActors.Actors.ActorSystem");
    }

    /// <summary>The system's name, for logs.</summary>
    public string Name { get; }

    /// <summary>The clock every actor of this system uses.</summary>
    public TimeProvider Time { get; }

    /// <summary>Messages that reached a stopped actor, since the system started.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetters);

    internal IDispatcher Dispatcher { get; }

    internal IRandomSource Random { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal int Throughput { get; }

    /// <summary>Starts a top-level actor at <c>/user/{name}</c>.</summary>
    /// <exception cref="InvalidOperationException">A live actor already has that name.</exception>
    public IActorRef<TMessage> Spawn<TMessage>(string name, Func<Actor<TMessage>> factory, SupervisionStrategy? strategy = null)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(factory);
        var cell = new ActorCell<TMessage>(this, null, name, factory, strategy ?? SupervisionStrategy.Default);
        lock (_gate)
        {
            if (!_topLevel.TryAdd(name, cell))
            {
                throw new InvalidOperationException($"An actor named '/user/{name}' already exists in system '{Name}'.");
            }
        }

        cell.SendSystem(SystemMessage.Start);
        return cell;
    }

    /// <summary>Asks <paramref name="actor"/> to stop; the task completes once it has.</summary>
    public Task StopAsync(IActorRef actor)
    {
        var cell = actor as ActorCell ?? throw new ArgumentException($"{actor.Path} does not belong to an actor system.", nameof(actor));
        cell.SendSystem(SystemMessage.Stop);
        return cell.Terminated;
    }

    /// <summary>Stops every actor (children before parents) and completes once all have stopped.</summary>
    public Task StopAllAsync()
    {
        ActorCell[] cells;
        lock (_gate)
        {
            cells = [.. _topLevel.Values];
        }

        foreach (var cell in cells)
        {
            cell.SendSystem(SystemMessage.Stop);
        }

        return Task.WhenAll(cells.Select(c => c.Terminated));
    }

    /// <summary>Stops every actor.</summary>
    public async ValueTask DisposeAsync() => await StopAllAsync().ConfigureAwait(false);

    /// <summary>Ends every actor at once without running any hook: what a crash does.</summary>
    internal void Abort()
    {
        ActorCell[] cells;
        lock (_gate)
        {
            cells = [.. _topLevel.Values];
            _topLevel.Clear();
        }

        foreach (var cell in cells)
        {
            cell.Abort();
        }
    }

    internal void Unregister(ActorCell cell)
    {
        lock (_gate)
        {
            if (_topLevel.TryGetValue(cell.Name, out var current) && ReferenceEquals(current, cell))
            {
                _topLevel.Remove(cell.Name);
            }
        }
    }

    internal void DeadLetter(ActorCell recipient, object? message)
    {
        Interlocked.Increment(ref _deadLetters);
        MeshLog.DeadLetter(_log, recipient.Path, message?.GetType().Name ?? "null");
    }

    internal static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"Actor name '{name}' is invalid: use ASCII letters, digits, '-', '_' or '.'.", nameof(name));
        }
    }
}
