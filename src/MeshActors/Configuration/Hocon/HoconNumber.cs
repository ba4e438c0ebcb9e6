using System.Globalization;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// A number, kept with the text it was written with (so <c>1e5</c> stays <c>1e5</c> in
/// concatenations and JSON output); the accessors convert on demand.
/// </summary>
public sealed class HoconNumber : HoconValue
{
    internal HoconNumber(string text, HoconOrigin origin)
        : base(origin)
    {
        Text = text;
    }

    /// <summary>The number as written in the source, for example <c>42</c>, <c>-1.5</c> or <c>1e5</c>.</summary>
    public string Text { get; }

    /// <summary>Whether the number is an integer that fits in a <see cref="long"/>.</summary>
    public bool IsInt64 => TryGetInt64(out _);

    /// <summary>The number as a double (the nearest one for long decimal texts).</summary>
    public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Gets the number as a <see cref="long"/> if it is a whole number in range.</summary>
    /// <param name="value">The whole number, or 0 when the method returns false.</param>
    public bool TryGetInt64(out long value)
    {
        if (long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Decimal keeps fractions exact; a tiny non-zero number such as 1e-400 underflows to 0 there.
        if (decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact == decimal.Truncate(exact) && exact >= long.MinValue && exact <= long.MaxValue
            && (exact != 0 || !Text.TakeWhile(c => c is not ('e' or 'E')).Any(c => c is >= '1' and <= '9')))
        {
            value = (long)exact;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The number as a <see cref="long"/>.</summary>
    /// <exception cref="InvalidOperationException">The number is fractional or out of range.</exception>
    public long ToInt64() => TryGetInt64(out var value)
        ? value
        : throw new InvalidOperationException($"{Origin}: the number {Text} is not a whole number within the range of a 64-bit integer");

    internal override string? ConcatenationText => Text;

    internal override string TypeName => "number";

    /// <summary>Returns the number's original text.</summary>
    public override string ToString() => Text;
}
