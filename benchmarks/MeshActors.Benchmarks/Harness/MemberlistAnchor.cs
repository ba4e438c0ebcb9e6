using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// Runs the HashiCorp memberlist anchor (<c>benchmarks/anchors/memberlist-bench</c>, built by
/// <c>scripts/build-memberlist-anchor.sh</c>): N memberlist nodes in one Go process on loopback. It
/// prints three lines, whose figures are read here. Its full view is timed from before the first
/// node is created, so it includes the joins; crash detection and leave are timed from the
/// Shutdown and the Leave call, until every other node's NumMembers (alive and suspect members)
/// has dropped the node, i.e. until it is declared dead or left.
/// </summary>
internal static partial class MemberlistAnchor
{
    public static async Task<string> RunAsync(string mlbench, int nodes, string profile, int port, TimeSpan deadline, Figures figures)
    {
        var info = new ProcessStartInfo(mlbench) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-n", nodes.ToString(CultureInfo.InvariantCulture), "-profile", profile, "-port", port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {mlbench}");
        ChildProcesses.Add(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{mlbench} did not finish within {deadline.TotalSeconds} s");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{mlbench} exited with {process.ExitCode}: {output}{await stderr}");
        }

        ChildProcesses.Remove(process);
        var joins = Find(output, "all-joins-returned");
        var fullView = Find(output, "full-view-convergence");
        var crash = Find(output, "crash-detected-by-all-survivors");
        var leave = Find(output, "graceful-leave-seen-by-all");
        figures.Add(Metrics.FullView, fullView);
        figures.Add(Metrics.CrashRemoved, crash);
        figures.Add(Metrics.Leave, leave);
        return $"full view {ClusterScenario.S(fullView)} (from before the first node was created; joins returned at {ClusterScenario.S(joins)}), crash dead at all {ClusterScenario.S(crash)}, leave seen by all {ClusterScenario.S(leave)}";
    }

    private static TimeSpan Find(string output, string key)
    {
        var match = Regex.Match(output, Regex.Escape(key) + @"=(\S+)");
        return match.Success ? ParseGoDuration(match.Groups[1].Value) : throw new FormatException($"mlbench printed no {key}=: {output}");
    }

    /// <summary>Parses Go's <c>time.Duration.String()</c>: <c>405ms</c>, <c>7.8s</c>, <c>1m2.5s</c>, <c>850µs</c>.</summary>
    internal static TimeSpan ParseGoDuration(string text)
    {
        var parts = GoDurationPart().Matches(text);
        if (text == "0s")
        {
            return TimeSpan.Zero;
        }

        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length)
        {
            throw new FormatException($"'{text}' is not a Go duration");
        }

        var ticks = 0.0;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += value * part.Groups[2].Value switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                _ => 0.01, // ns: 100 ns per tick
            };
        }

        return TimeSpan.FromTicks((long)Math.Round(ticks));
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex GoDurationPart();
}
