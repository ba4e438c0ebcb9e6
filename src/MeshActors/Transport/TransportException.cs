namespace MeshActors.Transport;

/// <summary>A peer could not be reached, or a message could not be delivered or understood.</summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransportException(NodeAddress peer, string message, Exception? inner = null)
        : base($"{peer}: {message}", inner)
    {
        Peer = peer;
    }

    /// <summary>The peer's address.</summary>
    public NodeAddress Peer { get; }
}
