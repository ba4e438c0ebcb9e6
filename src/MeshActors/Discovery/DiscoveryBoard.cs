namespace MeshActors.Discovery;

/// <summary>Where the coordinators publish their health and the control plane reads it, from
/// any thread, without asking the actors.</summary>
internal sealed class DiscoveryBoard(string nodeId, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProviderHealth> _providers = new(StringComparer.Ordinal);
    private BootstrapReport _bootstrap = new(BootstrapState.Seeking, "starting", null, null, null, []);

    public DateTimeOffset StartedAt { get; } = startedAt;

    public void Set(ProviderHealth health)
    {
        lock (_gate)
        {
            _providers[health.Name] = health;
        }
    }

    public void Set(BootstrapReport report)
    {
        lock (_gate)
        {
            _bootstrap = report;
        }
    }

    public DiscoveryReport Report()
    {
        lock (_gate)
        {
            return new DiscoveryReport(nodeId, StartedAt, _providers.Values.OrderBy(p => p.Tier).ThenBy(p => p.Name, StringComparer.Ordinal).ToList(), _bootstrap);
        }
    }
}
