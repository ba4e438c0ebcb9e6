namespace MeshActors.Benchmarks.Harness;

/// <summary>Every value measured for one kind across all runs, by metric.</summary>
internal sealed class Figures
{
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    public void Add(string metric, double value)
    {
        if (!_values.TryGetValue(metric, out var list))
        {
            _values[metric] = list = [];
        }

        list.Add(value);
    }

    public void Add(string metric, TimeSpan value) => Add(metric, value.TotalSeconds);

    public IReadOnlyList<double> Get(string metric) => _values.TryGetValue(metric, out var list) ? list : [];

    public double? Median(string metric)
    {
        var sorted = Get(metric).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
