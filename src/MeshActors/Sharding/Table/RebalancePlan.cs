namespace MeshActors.Sharding.Table;

/// <summary>
/// A rebalance as operators see it: steady → investigating → draining → rebalancing → completed (and
/// back to steady; a new change while draining, rebalancing or completed starts investigating again), with the dry run that was proposed and, when configured, the
/// approval it needs before shards move. Immutable; every method returns the next plan, and a
/// transition not in <see cref="Allowed"/> — or past investigating without a required approval — is
/// refused with an <see cref="InvalidOperationException"/> saying what is allowed.
/// </summary>
public sealed record RebalancePlan
{
    private static readonly IReadOnlyDictionary<RebalancePlanState, RebalancePlanState[]> Edges = new Dictionary<RebalancePlanState, RebalancePlanState[]>
    {
        [RebalancePlanState.Steady] = [RebalancePlanState.Investigating],
        [RebalancePlanState.Investigating] = [RebalancePlanState.Draining, RebalancePlanState.Rebalancing, RebalancePlanState.Completed],
        [RebalancePlanState.Draining] = [RebalancePlanState.Rebalancing, RebalancePlanState.Completed, RebalancePlanState.Investigating],
        [RebalancePlanState.Rebalancing] = [RebalancePlanState.Completed, RebalancePlanState.Investigating],
        [RebalancePlanState.Completed] = [RebalancePlanState.Steady, RebalancePlanState.Investigating],
    };

    private RebalancePlan()
    {
    }

    /// <summary>A steady plan: nothing proposed.</summary>
    public static RebalancePlan Steady { get; } = new();

    /// <summary>The current state.</summary>
    public RebalancePlanState State { get; private init; } = RebalancePlanState.Steady;

    /// <summary>The dry run proposed while investigating, if any.</summary>
    public RebalancePreview? Preview { get; private init; }

    /// <summary>Whether the moves wait for <see cref="Approve"/> (configured per namespace).</summary>
    public bool RequiresApproval { get; private init; }

    /// <summary>Who approved the proposed plan, if anyone.</summary>
    public string? ApprovedBy { get; private init; }

    /// <summary>Whether shards may move: no approval is required, or it was given.</summary>
    public bool MayMove => !RequiresApproval || ApprovedBy is not null;

    /// <summary>The transition that led to this plan (the event to publish); <see langword="null"/> for <see cref="Steady"/>.</summary>
    public RebalanceTransition? LastTransition { get; private init; }

    /// <summary>The states reachable from <paramref name="state"/>.</summary>
    public static IReadOnlyList<RebalancePlanState> Allowed(RebalancePlanState state) => Edges[state];

    /// <summary>Starts investigating a change (from any state but investigating); clears the previous proposal and approval.</summary>
    public RebalancePlan Investigate(string reason, DateTimeOffset at) =>
        Move(RebalancePlanState.Investigating, reason, at) with { Preview = null, ApprovedBy = null, RequiresApproval = false };

    /// <summary>Records the dry run to carry out, while investigating; <paramref name="requiresApproval"/> makes the moves wait for <see cref="Approve"/>.</summary>
    public RebalancePlan Propose(RebalancePreview preview, bool requiresApproval)
    {
        ArgumentNullException.ThrowIfNull(preview);
        Require(RebalancePlanState.Investigating, "propose a dry run");
        return this with { Preview = preview, RequiresApproval = requiresApproval, ApprovedBy = null };
    }

    /// <summary>Approves the proposed plan, while investigating.</summary>
    public RebalancePlan Approve(string approvedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);
        Require(RebalancePlanState.Investigating, "approve");
        return Preview is null
            ? throw new InvalidOperationException("there is no proposed dry run to approve; propose one first")
            : this with { ApprovedBy = approvedBy };
    }

    /// <summary>
    /// Moves to <paramref name="next"/>. Refused when <paramref name="next"/> is not in <see cref="Allowed"/>
    /// for the current state, or when it is draining or rebalancing and a required approval is missing.
    /// </summary>
    public RebalancePlan TransitionTo(RebalancePlanState next, string reason, DateTimeOffset at)
    {
        if (next is RebalancePlanState.Draining or RebalancePlanState.Rebalancing && State == RebalancePlanState.Investigating && !MayMove)
        {
            throw new InvalidOperationException($"the rebalance plan needs approval before {next.ToString().ToLowerInvariant()}; approve it first");
        }

        return next == RebalancePlanState.Investigating ? Investigate(reason, at) : Move(next, reason, at);
    }

    private RebalancePlan Move(RebalancePlanState next, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!Edges[State].Contains(next))
        {
            throw new InvalidOperationException(
                $"a rebalance plan cannot go from {Word(State)} to {Word(next)}; from {Word(State)} it goes to {string.Join(" or ", Edges[State].Select(Word))}");
        }

        return this with { State = next, LastTransition = new RebalanceTransition(State, next, at, reason) };
    }

    private void Require(RebalancePlanState state, string action)
    {
        if (State != state)
        {
            throw new InvalidOperationException($"a rebalance plan can {action} only while {Word(state)}; it is {Word(State)}");
        }
    }

    private static string Word(RebalancePlanState state) => state.ToString().ToLowerInvariant();
}
