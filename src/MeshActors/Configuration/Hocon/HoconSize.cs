namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Reads sizes in bytes in the HOCON units format: a number, optional whitespace, and an optional
/// unit; a bare number means bytes. Powers of ten (<c>kB</c>, <c>MB</c>, ...) and powers of two
/// (<c>K</c>, <c>Ki</c>, <c>KiB</c>, ...) follow the spec; one-letter units are powers of two.
/// </summary>
public static class HoconSize
{
    /// <summary>The accepted units, as listed in error messages.</summary>
    public const string AcceptedUnits =
        "B, b, byte, bytes; powers of ten: kB, MB, GB, TB, PB, EB, ZB, YB and kilobyte(s) ... yottabyte(s); "
        + "powers of two: K/k/Ki/KiB, M/m/Mi/MiB, G/g/Gi/GiB, T/t/Ti/TiB, P/p/Pi/PiB, E/e/Ei/EiB, Z/z/Zi/ZiB, Y/y/Yi/YiB "
        + "and kibibyte(s) ... yobibyte(s) (none means bytes)";

    private static readonly Dictionary<string, decimal> BytesPerUnit = BuildUnits();

    /// <summary>Parses a size such as <c>64KiB</c>, <c>1 MB</c>, <c>10k</c> or <c>512</c>.</summary>
    /// <param name="text">The size text.</param>
    /// <exception cref="FormatException">The text is not a number with one of <see cref="AcceptedUnits"/>, or does not fit in a long.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var bytes)
            ? bytes
            : throw new FormatException($"\"{text}\" is not a valid size in bytes: expected a number followed by one of these units: {AcceptedUnits}");
    }

    /// <summary>Parses a size value: a string with an optional unit, or a number of bytes.</summary>
    /// <param name="value">The resolved value.</param>
    /// <exception cref="FormatException">The value is not a valid size.</exception>
    public static long Parse(HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            return Parse(UnitText.FromValue(value, "size"));
        }
        catch (FormatException error) when (!error.Message.StartsWith(value.Origin.ToString(), StringComparison.Ordinal))
        {
            throw new FormatException($"{value.Origin}: {error.Message}", error);
        }
    }

    /// <summary>Tries to parse a size in bytes; fractions of a byte are truncated.</summary>
    /// <param name="text">The size text.</param>
    /// <param name="bytes">The number of bytes, when the text is valid.</param>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (text is null || !UnitText.TrySplit(text, out var number, out var unit)
            || !BytesPerUnit.TryGetValue(unit, out var multiplier))
        {
            return false;
        }

        try
        {
            var exact = decimal.Truncate(number * multiplier);
            if (exact < long.MinValue || exact > long.MaxValue)
            {
                return false;
            }

            bytes = (long)exact;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [""] = 1, ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] decimalPrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal power10 = 1, power2 = 1;
        for (var i = 0; i < decimalPrefixes.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            var letter = decimalPrefixes[i].ToUpperInvariant();
            units[decimalPrefixes[i] + "B"] = power10;
            units[decimalNames[i] + "byte"] = power10;
            units[decimalNames[i] + "bytes"] = power10;
            foreach (var name in new[] { letter, letter.ToLowerInvariant(), letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = power2;
            }
        }

        return units;
    }
}
