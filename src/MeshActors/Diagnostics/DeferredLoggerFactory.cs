using Microsoft.Extensions.Logging;

namespace MeshActors.Diagnostics;

/// <summary>
/// A logger factory that can be handed out before logging exists (a node opens its peer cache and
/// sets up discovery before the host's <see cref="ILoggerFactory"/> reaches the ActorSystem):
/// entries are kept, up to 1,000, until <see cref="Attach"/> gives the real factory, then written
/// to it; from then on every logger writes straight through.
/// </summary>
public sealed class DeferredLoggerFactory : ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly Queue<(string Category, Action<ILogger> Write)> _early = new();
    private ILoggerFactory? _inner;

    /// <summary>Every entry, kept and future, goes to <paramref name="inner"/>.</summary>
    public void Attach(ILoggerFactory inner)
    {
        lock (_gate)
        {
            _inner = inner;
            while (_early.TryDequeue(out var entry))
            {
                entry.Write(inner.CreateLogger(entry.Category));
            }
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => _inner?.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private ILoggerFactory? Inner
    {
        get
        {
            lock (_gate)
            {
                return _inner;
            }
        }
    }

    private void Keep(string category, Action<ILogger> write)
    {
        lock (_gate)
        {
            if (_inner is not null)
            {
                write(_inner.CreateLogger(category));
            }
            else if (_early.Count < 1_000)
            {
                _early.Enqueue((category, write));
            }
        }
    }

    private sealed class DeferredLogger(DeferredLoggerFactory owner, string category) : ILogger
    {
        private ILogger? _real;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => Real()?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Real()?.IsEnabled(logLevel) ?? logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Real() is { } real)
            {
                real.Log(logLevel, eventId, state, exception, formatter);
            }
            else
            {
                var text = formatter(state, exception);
                owner.Keep(category, l => l.Log(logLevel, eventId, exception, "{Message}", text));
            }
        }

        private ILogger? Real() => _real ??= owner.Inner?.CreateLogger(category);
    }
}
