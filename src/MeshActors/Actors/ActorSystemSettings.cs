using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Actors;

/// <summary>What an <see cref="ActorSystem"/> runs on: dispatcher, clock, randomness, logging.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>Where actors run; the thread pool unless the simulator supplies its event loop.</summary>
    public IDispatcher Dispatcher { get; init; } = ThreadPoolDispatcher.Instance;

    /// <summary>The clock for timers, backoff and timeouts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The root random source; each actor gets its own split of it. Default: seeded from
    /// operating-system entropy.</summary>
    public IRandomSource? Random { get; init; }

    /// <summary>Where actors log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How many user messages an actor handles before yielding its thread to others.
    /// Higher favours throughput, lower favours fairness between actors.</summary>
    public int Throughput { get; init; } = 32;
}
