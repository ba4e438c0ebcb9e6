namespace MeshActors.Events.Dissemination;

/// <summary>What a Plumtree handler returns.</summary>
/// <typeparam name="TPeer">A peer's identity.</typeparam>
/// <param name="State">The next state.</param>
/// <param name="Sends">The messages to send, in order.</param>
/// <param name="Delivered">The message to hand to the application, when this step received one for the first time.</param>
/// <param name="WakeAt">When the driver must call <see cref="Plumtree.OnTimer{TPeer}"/> next, when this step set a timer.</param>
public sealed record PlumtreeStep<TPeer>(
    PlumtreeState<TPeer> State,
    IReadOnlyList<PlumtreeSend<TPeer>> Sends,
    PlumtreeMessage.Gossip? Delivered,
    TimeSpan? WakeAt)
    where TPeer : notnull, IEquatable<TPeer>;
