namespace MeshActors.Events.Dissemination;

/// <summary>A message a node has delivered, kept to spot duplicates and answer GRAFTs.</summary>
/// <param name="Gossip">The message as received (its round is the hops it took to get here).</param>
/// <param name="At">When it was received, on the driver's monotonic clock.</param>
public sealed record ReceivedMessage(PlumtreeMessage.Gossip Gossip, TimeSpan At);
