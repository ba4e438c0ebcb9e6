namespace MeshActors.Views;

/// <summary>What a handler returns: the node's next state and the messages to send.</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="State">The next state.</param>
/// <param name="Sends">The messages to send, in order.</param>
public sealed record HyParViewStep<TPeer>(HyParViewState<TPeer> State, IReadOnlyList<HyParViewSend<TPeer>> Sends)
    where TPeer : notnull, IEquatable<TPeer>;
