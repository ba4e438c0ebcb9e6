namespace MeshActors.Benchmarks;

/// <summary>Reads <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
internal sealed class BenchmarkArgs(string[] args)
{
    public long Get(string name, long fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        if (i < 0)
        {
            return fallback;
        }

        if (i + 1 >= args.Length || !long.TryParse(args[i + 1], out var value))
        {
            throw new ArgumentException($"--{name} needs a whole number, e.g. --{name} {fallback}.");
        }

        return value;
    }

    /// <summary>A comma-separated list of whole numbers, e.g. <c>--nodes 100,1000</c>.</summary>
    public long[] GetList(string name, long[] fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        if (i < 0)
        {
            return fallback;
        }

        try
        {
            return args[i + 1].Split(',').Select(long.Parse).ToArray();
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException)
        {
            throw new ArgumentException($"--{name} needs whole numbers separated by commas, e.g. --{name} {string.Join(',', fallback)}.");
        }
    }

    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        if (i < 0)
        {
            return fallback;
        }

        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--{name} needs a value, e.g. --{name} {fallback}.");
        }

        return args[i + 1];
    }

    public bool Has(string name) => args.Contains("--" + name);
}
