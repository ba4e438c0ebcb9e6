namespace MeshActors.Sharding.Table;

/// <summary>One step of a <see cref="RebalancePlan"/>: the event (and the metric) the singleton publishes for it.</summary>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, for operators.</param>
public sealed record RebalanceTransition(RebalancePlanState From, RebalancePlanState To, DateTimeOffset At, string Reason);
