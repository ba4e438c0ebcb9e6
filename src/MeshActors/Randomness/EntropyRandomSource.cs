using System.Security.Cryptography;

namespace MeshActors.Randomness;

/// <summary>
/// The production seed: draws from the operating system's cryptographic generator once and
/// returns a thread-safe seeded source. This file is one of the few adapters to the real world
/// that the architecture test allows.
/// </summary>
public static class EntropyRandomSource
{
    /// <summary>A thread-safe source seeded with operating-system entropy.</summary>
    public static IRandomSource Create() =>
        new SynchronizedRandomSource(new SeededRandomSource(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))));
}
