using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MeshActors.Events.Dissemination;
using MeshActors.Views;

namespace MeshActors.Benchmarks.Overlay;

/// <summary>
/// <c>overlay-sim</c>: runs HyParView + Plumtree (src/MeshActors/Views and Events/Dissemination,
/// compiled in) for N nodes in one seeded discrete-event simulation and prints one JSON object:
/// reliability of the first broadcast after F of the nodes crash at once and the minimum over 50
/// broadcasts one shuffle period later, steady-state redundancy, hops, degrees, the largest
/// component, and the wall time. The same arguments give the same JSON apart from wallSeconds.
/// </summary>
internal static class OverlaySimCommand
{
    public const string Usage = "overlay-sim [--nodes 10000] [--fail-fraction 0.5] [--seed 1] [--loss 0] [--churn 0 (nodes replaced per second)] [--detect-ms 1000 (a crash is noticed by its neighbours this much after it)] [--announce-ms 10000 (Plumtree IHAVEs recent messages to a new link; 0 = the paper's Plumtree)] [--json]";

    public static int Run(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        OverlaySimOptions options;
        try
        {
            options = new OverlaySimOptions
            {
                Nodes = (int)args.Get("nodes", 10_000),
                FailFraction = Fraction(args, "fail-fraction", 0.5),
                Seed = (ulong)args.Get("seed", 1),
                Loss = Fraction(args, "loss", 0),
                ChurnPerSecond = double.Parse(args.Get("churn", "0"), CultureInfo.InvariantCulture),
                FailureDetectionMicros = 1000 * args.Get("detect-ms", 1000),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var announce = args.Get("announce-ms", (long)PlumtreeOptions.Default.AnnounceOnNeighborUp.TotalMilliseconds);
        if (options.Nodes < 2 || options.ChurnPerSecond < 0 || announce < 0 || options.FailureDetectionMicros < 0)
        {
            Console.Error.WriteLine("--nodes must be at least 2, --churn, --detect-ms and --announce-ms not negative.");
            Console.Error.WriteLine("usage: MeshActors.Benchmarks " + Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var result = OverlayScenario.Run(options, HyParViewOptions.Default, PlumtreeOptions.Default with { AnnounceOnNeighborUp = TimeSpan.FromMilliseconds(announce) });
        var wall = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Json(options, result, wall, indented: !args.Has("json")));
        return 0;
    }

    public static string Json(OverlaySimOptions options, OverlayResult result, double wallSeconds, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteNumber("nodes", options.Nodes);
            json.WriteNumber("failFraction", options.FailFraction);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("reliabilityFirst", Math.Round(result.ReliabilityFirst, 6));
            json.WriteNumber("reliabilityAfterHeal", Math.Round(result.ReliabilityAfterHeal, 6));
            json.WriteNumber("redundancy", Math.Round(result.Redundancy, 6));
            json.WriteNumber("maxHops", result.MaxHops);
            Degree(json, "activeDegree", result.ActiveDegree);
            Degree(json, "inDegree", result.InDegree);
            json.WriteNumber("largestComponentFraction", Math.Round(result.LargestComponentFraction, 6));
            json.WriteNumber("wallSeconds", Math.Round(wallSeconds, 2));
            json.WriteNumber("maxHopsSteady", result.MaxHopsSteady);
            json.WriteNumber("meanHopsSteady", Math.Round(result.MeanHopsSteady, 3));
            json.WriteNumber("loss", options.Loss);
            json.WriteNumber("churnPerSecond", options.ChurnPerSecond);
            json.WriteNumber("detectMs", options.FailureDetectionMicros / 1000);
            json.WriteNumber("simulatedSeconds", Math.Round(result.SimulatedSeconds, 3));
            json.WriteNumber("events", result.Events);
            json.WriteString("traceHash", result.TraceHash.ToString("x16", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Degree(Utf8JsonWriter json, string name, DegreeSummary degree)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", degree.Min);
        json.WriteNumber("mean", Math.Round(degree.Mean, 3));
        json.WriteNumber("max", degree.Max);
        json.WriteEndObject();
    }

    private static double Fraction(BenchmarkArgs args, string name, double fallback)
    {
        var text = args.Get(name, fallback.ToString(CultureInfo.InvariantCulture));
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value is >= 0 and < 1 ? value : throw new ArgumentException($"--{name} must lie in [0, 1), e.g. --{name} {fallback}.");
    }
}
