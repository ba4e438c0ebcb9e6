namespace MeshActors.Membership;

/// <summary>
/// One Lifeguard suspicion: when it started, its least and longest timeout, and the distinct
/// members that confirmed it. Each new confirmation moves the deadline earlier along
/// <see cref="SwimFormulas.SuspicionTimeout"/>; repeated confirmations from the same member
/// count once, and the suspicion's own raiser does not count.
/// </summary>
internal sealed class Suspicion
{
    private readonly HashSet<string> _confirmedBy = new(StringComparer.Ordinal);

    public Suspicion(ulong incarnation, string raisedBy, DateTimeOffset started, TimeSpan minimum, TimeSpan maximum, int expectedConfirmations)
    {
        Incarnation = incarnation;
        Started = started;
        Minimum = minimum;
        Maximum = maximum;
        ExpectedConfirmations = expectedConfirmations;
        _confirmedBy.Add(raisedBy);
    }

    public ulong Incarnation { get; }

    public DateTimeOffset Started { get; }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public int ExpectedConfirmations { get; }

    /// <summary>Independent confirmations so far (the raiser excluded).</summary>
    public int Confirmations => _confirmedBy.Count - 1;

    /// <summary>When the suspect is declared dead unless it refutes first.</summary>
    public DateTimeOffset Deadline => Started + SwimFormulas.SuspicionTimeout(Minimum, Maximum, Confirmations, ExpectedConfirmations);

    /// <summary>Counts <paramref name="from"/>'s confirmation; false when it already counted or
    /// no more are expected (the deadline does not move).</summary>
    public bool Confirm(string from) => Confirmations < ExpectedConfirmations && _confirmedBy.Add(from);
}
