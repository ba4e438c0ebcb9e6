namespace MeshActors.Discovery;

/// <summary>Discovery health: every provider and the bootstrap (<c>GET /control/discovery</c>).</summary>
/// <param name="NodeId">This node.</param>
/// <param name="StartedAt">When discovery started.</param>
/// <param name="Providers">Each provider's health, in tier order.</param>
/// <param name="Bootstrap">The bootstrap's state.</param>
public sealed record DiscoveryReport(string NodeId, DateTimeOffset StartedAt, IReadOnlyList<ProviderHealth> Providers, BootstrapReport Bootstrap);
