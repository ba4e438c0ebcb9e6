using System.Text;

namespace MeshActors.Sharding;

/// <summary>
/// The 64-bit hash every placement uses: FNV-1a over the UTF-8 bytes of a string, then MurmurHash3's
/// <c>fmix64</c> finaliser for avalanche; <see cref="Combine"/> mixes two values with the same
/// finaliser. Hand-written and pinned by test vectors because every node must compute the same
/// owners in every version: <see cref="string.GetHashCode()"/> is randomised per process, and a
/// library hash could change under an upgrade and silently move shards.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 0xcbf29ce484222325;
    private const ulong FnvPrime = 0x100000001b3;
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>The hash of <paramref name="text"/>: FNV-1a 64 of its UTF-8 bytes, finalised with <see cref="Fmix64"/>.
    /// Allocation-free for ASCII text, whose UTF-8 bytes are its chars (shard lookups hash every key).</summary>
    public static ulong Of(string text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return Fmix64(Fnv1a64(Encoding.UTF8.GetBytes(text)));
            }

            hash = (hash ^ c) * FnvPrime;
        }

        return Fmix64(hash);
    }

    /// <summary>Plain FNV-1a 64 of <paramref name="bytes"/> (offset basis 0xcbf29ce484222325, prime 0x100000001b3).</summary>
    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        var hash = FnvOffset;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    /// <summary>A hash of the pair (<paramref name="a"/>, <paramref name="b"/>); not symmetric.</summary>
    public static ulong Combine(ulong a, ulong b) => Fmix64(a ^ Fmix64(b ^ Golden));

    /// <summary>MurmurHash3's 64-bit finaliser: a bijection in which every input bit flips about half the output bits.</summary>
    public static ulong Fmix64(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53;
        k ^= k >> 33;
        return k;
    }

    /// <summary>Maps a hash to the open interval (0, 1) using its top 52 bits: (k + ½)/2⁵², exact in a double, never 0 or 1.</summary>
    public static double ToUnitInterval(ulong hash) => ((hash >> 12) + 0.5) * (1.0 / (1UL << 52));
}
