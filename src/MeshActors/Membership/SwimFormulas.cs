namespace MeshActors.Membership;

/// <summary>
/// The scaling rules of SWIM with Lifeguard, as pure functions. Each takes the cluster size N (or
/// counts) and the configured base values and returns what the protocol uses this round, so that
/// the membership actor only looks them up and table tests pin them.
/// </summary>
public static class SwimFormulas
{
    /// <summary>Above this many members, push-pull anti-entropy slows down as the cluster grows.</summary>
    public const int PushPullScaleThreshold = 32;

    /// <summary>
    /// How many times an update is piggybacked before it is dropped:
    /// <c>retransmitMult × ⌈log10(N + 1)⌉</c>. Enough for an infection-style broadcast to reach
    /// every member with high probability, growing only logarithmically with N.
    /// </summary>
    public static int RetransmitLimit(int retransmitMult, int members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        return retransmitMult * (int)Math.Ceiling(Math.Log10(members + 1));
    }

    /// <summary>
    /// The least time a member stays suspect before it is declared dead:
    /// <c>suspicionMult × max(1, log10(max(1, N))) × probeInterval</c>. Long enough for the
    /// suspicion to reach the suspect (so it can refute) in a cluster of N.
    /// </summary>
    public static TimeSpan SuspicionMinimum(int suspicionMult, int members, TimeSpan probeInterval)
    {
        var scale = Math.Max(1.0, Math.Log10(Math.Max(1, members)));
        return probeInterval * (suspicionMult * scale);
    }

    /// <summary>
    /// Lifeguard's dynamic suspicion timeout: it starts at <paramref name="maximum"/> and falls
    /// towards <paramref name="minimum"/> as independent confirmations arrive,
    /// <c>max − (max − min) × log(c + 1) / log(k + 1)</c>, never below the minimum. With no
    /// confirmations expected (<paramref name="expectedConfirmations"/> = 0) it is the minimum.
    /// </summary>
    public static TimeSpan SuspicionTimeout(TimeSpan minimum, TimeSpan maximum, int confirmations, int expectedConfirmations)
    {
        if (expectedConfirmations <= 0 || maximum <= minimum)
        {
            return minimum;
        }

        var fraction = Math.Log(Math.Max(0, confirmations) + 1.0) / Math.Log(expectedConfirmations + 1.0);
        var ticks = maximum.Ticks - ((maximum - minimum).Ticks * fraction);
        return TimeSpan.FromTicks((long)Math.Max(minimum.Ticks, Math.Floor(ticks)));
    }

    /// <summary>
    /// How many other members' confirmations a suspicion expects: <c>suspicionMult − 2</c>, or 0
    /// when the cluster has too few other members (N − 2) to give that many.
    /// </summary>
    public static int ExpectedConfirmations(int suspicionMult, int members)
    {
        var k = suspicionMult - 2;
        return members - 2 < k ? 0 : Math.Max(0, k);
    }

    /// <summary>
    /// The push-pull interval for a cluster of N: the base interval up to
    /// <see cref="PushPullScaleThreshold"/> members, then one more multiple per doubling
    /// (<c>⌈log2(N) − log2(32)⌉ + 1</c>), so full-state traffic per node stays flat as N grows.
    /// </summary>
    public static TimeSpan PushPullInterval(TimeSpan interval, int members)
    {
        if (members <= PushPullScaleThreshold)
        {
            return interval;
        }

        var multiplier = Math.Ceiling(Math.Log2(members) - Math.Log2(PushPullScaleThreshold)) + 1.0;
        return interval * multiplier;
    }

    /// <summary>
    /// Lifeguard local health awareness: a node that misses acks or nacks suspects itself of being
    /// slow and stretches its own probe timeout and interval by <c>awareness + 1</c>, so that its
    /// slowness is not mistaken for others' failure. <paramref name="awareness"/> is clamped to
    /// [0, <paramref name="maxAwareness"/>].
    /// </summary>
    public static TimeSpan ScaleByHealth(TimeSpan baseValue, int awareness, int maxAwareness) =>
        baseValue * (Math.Clamp(awareness, 0, Math.Max(0, maxAwareness)) + 1);
}
