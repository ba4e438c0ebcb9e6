namespace MeshActors.Benchmarks.Overlay;

/// <summary>Min, mean and max of a degree over the live nodes.</summary>
internal readonly record struct DegreeSummary(int Min, double Mean, int Max);

/// <summary>Graph measures over the live nodes' active views.</summary>
internal static class OverlayMeasures
{
    /// <summary>Active-view sizes and in-degrees (how many live nodes hold a node in their active view).</summary>
    public static (DegreeSummary Active, DegreeSummary In) Degrees(OverlaySimulator sim, int capacity)
    {
        var inDegree = new int[capacity];
        var active = new List<int>();
        for (var node = 0; node < capacity; node++)
        {
            if (!sim.Alive[node])
            {
                continue;
            }

            var view = sim.View(node)!;
            active.Add(view.Active.Count);
            foreach (var peer in view.Active)
            {
                inDegree[peer]++;
            }
        }

        var ins = Enumerable.Range(0, capacity).Where(n => sim.Alive[n]).Select(n => inDegree[n]).ToList();
        return (Summary(active), Summary(ins));
    }

    /// <summary>The largest connected component of live nodes joined by active links (either
    /// direction) to live nodes, as a fraction of the live nodes.</summary>
    public static double LargestComponentFraction(OverlaySimulator sim, int capacity)
    {
        var parent = Enumerable.Range(0, capacity).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var live = 0;
        for (var node = 0; node < capacity; node++)
        {
            if (!sim.Alive[node])
            {
                continue;
            }

            live++;
            foreach (var peer in sim.View(node)!.Active)
            {
                if (sim.Alive[peer])
                {
                    parent[Find(node)] = Find(peer);
                }
            }
        }

        var sizes = new int[capacity];
        var largest = 0;
        for (var node = 0; node < capacity; node++)
        {
            if (sim.Alive[node])
            {
                largest = Math.Max(largest, ++sizes[Find(node)]);
            }
        }

        return live == 0 ? 0 : (double)largest / live;
    }

    private static DegreeSummary Summary(List<int> values) =>
        values.Count == 0 ? default : new(values.Min(), values.Average(), values.Max());
}
