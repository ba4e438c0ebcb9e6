namespace MeshActors.Randomness;

/// <summary>Makes a random source safe to share between threads with a lock.</summary>
public sealed class SynchronizedRandomSource : IRandomSource
{
    private readonly IRandomSource _inner;
    private readonly Lock _gate = new();

    /// <summary>Wraps <paramref name="inner"/>; all access must go through this wrapper.</summary>
    public SynchronizedRandomSource(IRandomSource inner) => _inner = inner;

    /// <inheritdoc />
    public ulong NextUInt64()
    {
        lock (_gate)
        {
            return _inner.NextUInt64();
        }
    }

    /// <inheritdoc />
    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return _inner.Next(maxExclusive);
        }
    }

    /// <inheritdoc />
    public double NextDouble()
    {
        lock (_gate)
        {
            return _inner.NextDouble();
        }
    }

    /// <inheritdoc />
    public void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            _inner.NextBytes(buffer);
        }
    }

    /// <inheritdoc />
    public IRandomSource Split()
    {
        lock (_gate)
        {
            return _inner.Split();
        }
    }
}
