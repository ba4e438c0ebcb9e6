namespace MeshActors.Events.Envelope;

/// <summary>Signs the canonical bytes of events this node publishes, with this node's key.</summary>
public interface IEventSigner
{
    /// <summary>The algorithm <see cref="Sign"/> uses; it is written into the signed bytes.</summary>
    SignatureAlgorithm Algorithm { get; }

    /// <summary>The signature over <paramref name="signedBytes"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> signedBytes);
}
