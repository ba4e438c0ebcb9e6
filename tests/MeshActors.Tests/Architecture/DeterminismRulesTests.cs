using MeshActors.Actors;

namespace MeshActors.Tests.Architecture;

/// <summary>
/// Protocol code takes time and randomness only from what is injected (TimeProvider,
/// IRandomSource), so the simulator can replay it. This test reads the IL of every type in the
/// MeshActors library and fails on any call to the real clock, sleeps, or unseeded randomness.
/// </summary>
public sealed class DeterminismRulesTests
{
    /// <summary>Member prefixes (declaring type + member) that protocol code must not call.</summary>
    private static readonly string[] Forbidden =
    [
        "System.DateTime.get_Now(", "System.DateTime.get_UtcNow(", "System.DateTime.get_Today(",
        "System.DateTimeOffset.get_Now(", "System.DateTimeOffset.get_UtcNow(",
        "System.Diagnostics.Stopwatch.",
        // Delay(delay) and Delay(delay, token) use the real clock; Delay(delay, timeProvider, token) takes the injected one.
        "System.Threading.Tasks.Task.Delay(1)", "System.Threading.Tasks.Task.Delay(2)",
        "System.Threading.Thread.Sleep(",
        "System.Random.get_Shared(", "System.Random..ctor(0)",
        "System.Guid.NewGuid(",
        "System.Environment.get_TickCount",
    ];

    /// <summary>The adapters to the real world, and why each may touch it.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["MeshActors.Actors.EntropyRandomSource"] = "seeds production randomness from the operating system",
    };

    [Fact]
    public void Protocol_code_takes_time_and_randomness_only_from_injected_sources()
    {
        var violations = typeof(ActorSystem).Assembly.GetTypes()
            .Where(t => !t.IsNested && !Allowed.ContainsKey(t.FullName!))
            .SelectMany(IlCallScanner.CallsIn)
            .Where(c => Forbidden.Any(f => c.Callee.StartsWith(f, StringComparison.Ordinal)))
            .Select(c => $"{c.Caller} calls {c.Callee}")
            .Distinct()
            .ToList();

        violations.Should().BeEmpty("inject TimeProvider / IRandomSource instead (see CONVENTIONS.md, point 6)");
    }

    [Fact]
    public void The_scanner_finds_each_kind_of_violation_including_inside_lambdas()
    {
        var calls = IlCallScanner.CallsIn(typeof(Offender)).Select(c => c.Callee).ToList();

        foreach (var expected in new[]
                 {
                     "System.DateTime.get_UtcNow(0)", "System.Diagnostics.Stopwatch.StartNew(0)",
                     "System.Threading.Tasks.Task.Delay(1)", "System.Threading.Thread.Sleep(1)",
                     "System.Random.get_Shared(0)", "System.Random..ctor(0)", "System.Guid.NewGuid(0)",
                 })
        {
            calls.Should().Contain(expected);
        }

        calls.Where(c => Forbidden.Any(f => c.StartsWith(f, StringComparison.Ordinal))).Should().HaveCount(7);
    }

    [Fact]
    public void A_seeded_Random_is_not_flagged()
    {
        IlCallScanner.CallsIn(typeof(Offender)).Select(c => c.Callee).Should().Contain("System.Random..ctor(1)");
        Forbidden.Should().NotContain(f => "System.Random..ctor(1)".StartsWith(f, StringComparison.Ordinal));
    }

    /// <summary>Deliberately breaks every rule, so the scanner is shown to catch them.</summary>
    private static class Offender
    {
        public static async Task Everything()
        {
            _ = DateTime.UtcNow;
            _ = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(1);
            Func<int> hidden = () =>
            {
                Thread.Sleep(1);
                return Random.Shared.Next() + new Random().Next() + new Random(5).Next();
            };
            _ = hidden;
            _ = Guid.NewGuid();
        }
    }
}
