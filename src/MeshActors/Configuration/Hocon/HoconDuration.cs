namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Reads durations in the HOCON units format: a number, optional whitespace, and an optional
/// lowercase unit; a bare number means milliseconds. Examples: <c>5s</c>, <c>250 ms</c>,
/// <c>1 minute</c>, <c>2h</c>, <c>3 days</c>, <c>1.5 seconds</c>, <c>100</c>.
/// </summary>
public static class HoconDuration
{
    /// <summary>The accepted units, as listed in error messages.</summary>
    public const string AcceptedUnits =
        "ns, nano, nanos, nanosecond, nanoseconds; us, micro, micros, microsecond, microseconds; "
        + "ms, milli, millis, millisecond, milliseconds; s, second, seconds; m, minute, minutes; "
        + "h, hour, hours; d, day, days (none means milliseconds)";

    private const decimal TicksPerNanosecond = 0.01m;

    private static readonly Dictionary<string, decimal> TicksPerUnit = BuildUnits();

    /// <summary>Parses a duration such as <c>5s</c> or <c>250 ms</c>.</summary>
    /// <param name="text">The duration text.</param>
    /// <exception cref="FormatException">The text is not a number with one of <see cref="AcceptedUnits"/>, or is out of range.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"\"{text}\" is not a valid duration: expected a number followed by one of these units: {AcceptedUnits}");
    }

    /// <summary>Parses a duration value: a string with an optional unit, or a number of milliseconds.</summary>
    /// <param name="value">The resolved value.</param>
    /// <exception cref="FormatException">The value is not a valid duration.</exception>
    public static TimeSpan Parse(HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            return Parse(UnitText.FromValue(value, "duration"));
        }
        catch (FormatException error) when (!error.Message.StartsWith(value.Origin.ToString(), StringComparison.Ordinal))
        {
            throw new FormatException($"{value.Origin}: {error.Message}", error);
        }
    }

    /// <summary>Tries to parse a duration such as <c>5s</c> or <c>250 ms</c>.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="duration">The duration, when the text is valid.</param>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || !UnitText.TrySplit(text, out var number, out var unit)
            || !TicksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            return false;
        }

        try
        {
            var ticks = decimal.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(TicksPerNanosecond, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(TimeSpan.TicksPerMicrosecond, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "", "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
