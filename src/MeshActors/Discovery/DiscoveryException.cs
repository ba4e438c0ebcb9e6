namespace MeshActors.Discovery;

/// <summary>A discovery source failed. The message names the provider, what failed and how to
/// fix it (a setting, a missing permission, an unreachable server); it is shown as the
/// provider's last error in <c>meshctl discovery</c>.</summary>
public sealed class DiscoveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscoveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DiscoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscoveryException()
        : base("discovery failed")
    {
    }
}
