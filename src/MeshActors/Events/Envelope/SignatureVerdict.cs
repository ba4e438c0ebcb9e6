namespace MeshActors.Events.Envelope;

/// <summary>What an <see cref="IEventVerifier"/> found. Anything but <see cref="Valid"/> is a bad signature.</summary>
public enum SignatureVerdict
{
    /// <summary>The source's key signed these exact bytes.</summary>
    Valid = 0,

    /// <summary>The signature does not match the bytes and the source's key.</summary>
    Invalid,

    /// <summary>No certificate is known for the source node.</summary>
    UnknownSource,

    /// <summary>The certificate found for the source names another node.</summary>
    SourceMismatch,

    /// <summary>The envelope's algorithm does not fit the source's key type (e.g. RSA-PSS claimed for an ECDSA key).</summary>
    AlgorithmMismatch,
}
