using MeshActors.Actors;

namespace MeshActors.Simulation;

/// <summary>How long a simulated link takes to carry one message.</summary>
public abstract record LatencyDistribution
{
    /// <summary>Always the same delay.</summary>
    public static LatencyDistribution Constant(TimeSpan delay) => new ConstantLatency(delay);

    /// <summary>Uniform between <paramref name="min"/> and <paramref name="max"/>; "1 ms ± 0.5 ms" is
    /// <c>Uniform(0.5 ms, 1.5 ms)</c>.</summary>
    public static LatencyDistribution Uniform(TimeSpan min, TimeSpan max) =>
        max < min ? throw new ArgumentException($"max ({max}) is below min ({min}).", nameof(max)) : new UniformLatency(min, max);

    /// <summary>Normal with the given mean and standard deviation, never below zero.</summary>
    public static LatencyDistribution Normal(TimeSpan mean, TimeSpan standardDeviation) => new NormalLatency(mean, standardDeviation);

    /// <summary>Draws one delay.</summary>
    public abstract TimeSpan Sample(IRandomSource random);

    private sealed record ConstantLatency(TimeSpan Delay) : LatencyDistribution
    {
        public override TimeSpan Sample(IRandomSource random) => Delay;
    }

    private sealed record UniformLatency(TimeSpan Min, TimeSpan Max) : LatencyDistribution
    {
        public override TimeSpan Sample(IRandomSource random) =>
            Min + TimeSpan.FromTicks((long)((Max - Min).Ticks * random.NextDouble()));
    }

    private sealed record NormalLatency(TimeSpan Mean, TimeSpan StandardDeviation) : LatencyDistribution
    {
        public override TimeSpan Sample(IRandomSource random)
        {
            // Box–Muller: two uniforms give one standard normal.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return TimeSpan.FromTicks(Math.Max(0, (long)(Mean.Ticks + z * StandardDeviation.Ticks)));
        }
    }
}
