namespace MeshActors.Simulation;

/// <summary>How a simulated link treats each message: delay, loss, duplication and reordering.</summary>
public sealed record LinkProfile
{
    /// <summary>1 ms ± 0.5 ms, no loss: a quiet LAN.</summary>
    public static LinkProfile Lan { get; } = new();

    /// <summary>Delay of each message.</summary>
    public LatencyDistribution Latency { get; init; } =
        LatencyDistribution.Uniform(TimeSpan.FromMilliseconds(0.5), TimeSpan.FromMilliseconds(1.5));

    /// <summary>Probability in [0, 1] that a message is dropped.</summary>
    public double Loss { get; init; }

    /// <summary>Probability in [0, 1] that a message arrives twice (the copy has its own delay).</summary>
    public double Duplication { get; init; }

    /// <summary>Probability in [0, 1] that a message is held back by an extra
    /// <see cref="ReorderDelay"/>, so that later messages overtake it.</summary>
    public double Reordering { get; init; }

    /// <summary>The extra delay of a reordered message.</summary>
    public TimeSpan ReorderDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Throws when a probability is outside [0, 1], naming it.</summary>
    public LinkProfile Validate()
    {
        Check(Loss, nameof(Loss));
        Check(Duplication, nameof(Duplication));
        Check(Reordering, nameof(Reordering));
        return this;
    }

    private static void Check(double p, string name)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(name, p, $"{name} is a probability and must be between 0 and 1.");
        }
    }
}
