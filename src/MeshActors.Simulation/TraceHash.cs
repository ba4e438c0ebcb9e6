namespace MeshActors.Simulation;

/// <summary>
/// A running FNV-1a hash of what happened in a simulation: the fingerprint that two runs with the
/// same seed must share. Uses only stable inputs (never <see cref="object.GetHashCode"/>, which .NET
/// randomizes per process for strings).
/// </summary>
public sealed class TraceHash
{
    private const ulong Prime = 1099511628211UL;
    private ulong _hash = 14695981039346656037UL;

    /// <summary>The hash so far.</summary>
    public ulong Value => _hash;

    /// <summary>How many records went in.</summary>
    public long Records { get; private set; }

    /// <summary>Adds one record.</summary>
    public void Add(long time, int kind, long a, long b, string? text)
    {
        Records++;
        Mix(time);
        Mix(kind);
        Mix(a);
        Mix(b);
        if (text is not null)
        {
            foreach (var c in text)
            {
                _hash = (_hash ^ c) * Prime;
            }
        }
    }

    private void Mix(long value)
    {
        for (var i = 0; i < 8; i++)
        {
            _hash = (_hash ^ (byte)(value >> (8 * i))) * Prime;
        }
    }
}
