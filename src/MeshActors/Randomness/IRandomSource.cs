namespace MeshActors.Randomness;

/// <summary>Randomness as a dependency: seeded in the simulator so runs repeat, seeded from the
/// operating system's entropy in production. Protocol code draws all randomness from here.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed 64-bit value.</summary>
    ulong NextUInt64();

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    int Next(int maxExclusive);

    /// <summary>A uniformly distributed double in [0, 1).</summary>
    double NextDouble();

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    void NextBytes(Span<byte> buffer);

    /// <summary>A new, independent source seeded from this one, for a component of its own, so
    /// that adding draws in one component does not shift another's sequence.</summary>
    IRandomSource Split();
}
