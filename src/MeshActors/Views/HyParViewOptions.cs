namespace MeshActors.Views;

/// <summary>
/// The sizes and walk lengths of HyParView (Leitão, Pereira and Rodrigues, DSN 2007). The paper
/// fixes the active view at log(n) + c; here it has a target, a low mark below which a node asks
/// for neighbours with high priority (a request that cannot be refused), and a hard high mark that
/// joins may fill up to. The defaults are the project's: 6/4/10 active, 30 passive, the paper's
/// walk lengths and shuffle sample sizes, a shuffle every 30 s.
/// </summary>
public sealed record HyParViewOptions
{
    /// <summary>The default options.</summary>
    public static HyParViewOptions Default { get; } = new();

    /// <summary>The active-view size a node repairs up to from its passive view.</summary>
    public int ActiveTarget { get; init; } = 6;

    /// <summary>Below this many active peers a neighbour request has high priority and must be accepted.</summary>
    public int ActiveLow { get; init; } = 4;

    /// <summary>The active view's hard limit; a peer added beyond it evicts a random member.</summary>
    public int ActiveHigh { get; init; } = 10;

    /// <summary>The passive view's hard limit.</summary>
    public int PassiveSize { get; init; } = 30;

    /// <summary>ARWL: the hops a forward join (and a shuffle) walks before it ends.</summary>
    public int ActiveRandomWalkLength { get; init; } = 6;

    /// <summary>PRWL: the remaining walk length at which a forward join puts the new node in the passive view.</summary>
    public int PassiveRandomWalkLength { get; init; } = 3;

    /// <summary>ka: active peers in a shuffle sample.</summary>
    public int ShuffleActive { get; init; } = 3;

    /// <summary>kp: passive peers in a shuffle sample.</summary>
    public int ShufflePassive { get; init; } = 4;

    /// <summary>How often a node shuffles and repairs its active view (the driver calls
    /// <see cref="HyParView.Tick{TPeer}"/> this often).</summary>
    public TimeSpan ShufflePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every inconsistency at once, each naming the setting and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ActiveLow < 1)
        {
            errors.Add($"ActiveLow is {ActiveLow}: it must be at least 1.");
        }

        if (ActiveTarget < ActiveLow || ActiveTarget > ActiveHigh)
        {
            errors.Add($"ActiveTarget is {ActiveTarget}: it must lie between ActiveLow ({ActiveLow}) and ActiveHigh ({ActiveHigh}).");
        }

        if (PassiveSize < 1)
        {
            errors.Add($"PassiveSize is {PassiveSize}: it must be at least 1.");
        }

        if (PassiveRandomWalkLength < 0 || PassiveRandomWalkLength > ActiveRandomWalkLength)
        {
            errors.Add($"PassiveRandomWalkLength is {PassiveRandomWalkLength}: it must lie between 0 and ActiveRandomWalkLength ({ActiveRandomWalkLength}).");
        }

        if (ShuffleActive < 0 || ShufflePassive < 0)
        {
            errors.Add($"ShuffleActive ({ShuffleActive}) and ShufflePassive ({ShufflePassive}) must not be negative.");
        }

        if (ShufflePeriod <= TimeSpan.Zero)
        {
            errors.Add($"ShufflePeriod is {ShufflePeriod}: it must be positive.");
        }

        return errors;
    }
}
