namespace MeshActors.Discovery.Coordination;

/// <summary>Where a discovery provider stands, as <c>meshctl discovery</c> shows it.</summary>
public enum ProviderState
{
    /// <summary>Enabled, but its first run has not finished yet.</summary>
    Starting,

    /// <summary>Its last run succeeded (finding nothing is a success).</summary>
    Ok,

    /// <summary>Its last run failed or timed out; it runs again after a backoff.</summary>
    Failing,

    /// <summary>Turned off in configuration; it never runs.</summary>
    Disabled,
}
