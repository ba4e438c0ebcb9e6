using System.Globalization;
using System.Text;

namespace MeshActors.Benchmarks.Harness;

/// <summary>A markdown table: per metric, each kind's median with its range and count, and the ratios of the medians.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<(string Kind, Figures Figures)> kinds)
    {
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < kinds.Count; a++)
        {
            for (var b = a + 1; b < kinds.Count; b++)
            {
                pairs.Add((a, b));
            }
        }

        var text = new StringBuilder();
        text.Append("| metric |");
        foreach (var (kind, _) in kinds)
        {
            text.Append(CultureInfo.InvariantCulture, $" {kind}: median (min–max, n) |");
        }

        foreach (var (a, b) in pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $" {kinds[a].Kind} / {kinds[b].Kind} |");
        }

        text.AppendLine().Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", 1 + kinds.Count + pairs.Count))).AppendLine();
        foreach (var metric in Metrics.InOrder)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {metric} |");
            foreach (var (_, figures) in kinds)
            {
                text.Append(' ').Append(Cell(figures.Get(metric))).Append(" |");
            }

            foreach (var (a, b) in pairs)
            {
                var ratio = kinds[a].Figures.Median(metric) / kinds[b].Figures.Median(metric);
                text.Append(' ').Append(ratio is { } r && double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–").Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Cell(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return "–";
        }

        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{F(median)} ({F(sorted[0])}–{F(sorted[^1])}, {sorted.Count})");
    }

    private static string F(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
