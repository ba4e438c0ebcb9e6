namespace MeshActors.Discovery;

/// <summary>What every provider's settings have: <c>enabled</c> and <c>refresh-interval</c>
/// under <c>meshactors.discovery.&lt;name&gt;</c>.</summary>
public interface IProviderOptions
{
    /// <summary>Whether the provider runs.</summary>
    bool Enabled { get; }

    /// <summary>How often the provider runs again after a success (a DNS TTL may shorten it).</summary>
    TimeSpan RefreshInterval { get; }
}
