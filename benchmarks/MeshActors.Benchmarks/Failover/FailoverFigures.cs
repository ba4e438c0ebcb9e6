using System.Globalization;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// One kind's failover times (seconds, one per trial) and the machine's load average around them.
/// Percentiles are nearest-rank: p50 is the ⌈n/2⌉-th smallest value and p99 the ⌈0.99·n⌉-th, so with
/// 100 or fewer trials p99 is the largest.
/// </summary>
internal sealed class FailoverFigures(string kind)
{
    public string Kind { get; } = kind;

    public List<double> Seconds { get; } = [];

    public string LoadAtStart { get; set; } = string.Empty;

    public string LoadAtEnd { get; set; } = string.Empty;

    /// <summary>Why the kind stopped early, if it did.</summary>
    public string? Failure { get; set; }

    public int? SafetyRounds { get; set; }

    public int? SingleHolderRounds { get; set; }

    public int? DoubleHolderRounds { get; set; }

    public int? TokenDecreases { get; set; }

    public IReadOnlyList<string> Incidents { get; set; } = [];

    public double? P50 => Percentile(0.50);

    public double? P99 => Percentile(0.99);

    public double? Min => Seconds.Count == 0 ? null : Seconds.Min();

    public double? Max => Seconds.Count == 0 ? null : Seconds.Max();

    public double? Percentile(double q)
    {
        if (Seconds.Count == 0)
        {
            return null;
        }

        var sorted = Seconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string F(double? seconds) => seconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";
}
