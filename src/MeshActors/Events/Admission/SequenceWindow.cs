namespace MeshActors.Events.Admission;

/// <summary>
/// The anti-replay window of one source (IPsec's, RFC 4303 §3.4.3): the newest incarnation admitted,
/// the highest sequence admitted in it, and a 64-bit map of which of the 64 sequences up to and
/// including the highest were admitted (bit <c>i</c> is <c>Highest − i</c>). Events may arrive out
/// of order within the window; anything at or behind it that was seen, or behind it at all, is a
/// replay. A newer incarnation starts a new window. Immutable; the default value has seen nothing.
/// </summary>
/// <param name="Incarnation">The newest incarnation admitted.</param>
/// <param name="Highest">The highest sequence admitted in it; 0 when none.</param>
/// <param name="Seen">Bit <c>i</c> set when <c>Highest − i</c> was admitted.</param>
public readonly record struct SequenceWindow(ulong Incarnation, ulong Highest, ulong Seen)
{
    /// <summary>How many sequences, up to and including the highest, the window remembers.</summary>
    public const int Width = 64;

    /// <summary>Whether (<paramref name="incarnation"/>, <paramref name="sequence"/>) may be admitted.</summary>
    public SequenceVerdict Check(ulong incarnation, ulong sequence)
    {
        if (incarnation != Incarnation)
        {
            return incarnation > Incarnation ? SequenceVerdict.Fresh : SequenceVerdict.StaleIncarnation;
        }

        if (sequence > Highest)
        {
            return SequenceVerdict.Fresh;
        }

        var behind = Highest - sequence;
        return behind >= Width ? SequenceVerdict.BehindWindow
            : (Seen & (1UL << (int)behind)) != 0 ? SequenceVerdict.AlreadySeen
            : SequenceVerdict.Fresh;
    }

    /// <summary>The window after admitting (<paramref name="incarnation"/>, <paramref name="sequence"/>), which <see cref="Check"/> found fresh.</summary>
    /// <exception cref="ArgumentException">The pair is not fresh.</exception>
    public SequenceWindow Accept(ulong incarnation, ulong sequence)
    {
        var verdict = Check(incarnation, sequence);
        if (verdict != SequenceVerdict.Fresh)
        {
            throw new ArgumentException($"({incarnation}, {sequence}) is {verdict}, not fresh", nameof(sequence));
        }

        if (incarnation != Incarnation)
        {
            return new SequenceWindow(incarnation, sequence, 1);
        }

        if (sequence > Highest)
        {
            var shift = sequence - Highest;
            return new SequenceWindow(incarnation, sequence, (shift >= Width ? 0 : Seen << (int)shift) | 1);
        }

        return this with { Seen = Seen | (1UL << (int)(Highest - sequence)) };
    }
}
