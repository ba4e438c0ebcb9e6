namespace MeshActors.Configuration;

/// <summary><c>meshactors.transport.tls</c>: certificates and trust.</summary>
public sealed record TlsOptions
{
    /// <summary>False only with <c>mode = "insecure"</c>.</summary>
    public required bool Enabled { get; init; }

    /// <summary>CA bundle path; empty together with cert and key means development certificates.</summary>
    public required string CaPath { get; init; }

    /// <summary>Node certificate path.</summary>
    public required string CertPath { get; init; }

    /// <summary>Node private key path.</summary>
    public required string KeyPath { get; init; }

    /// <summary>How often certificate files are checked for changes.</summary>
    public required TimeSpan ReloadCheckInterval { get; init; }

    /// <summary>Node id → required public-key fingerprint.</summary>
    public required IReadOnlyDictionary<string, string> PinnedKeys { get; init; }

    /// <summary>Whether no certificate files are configured (development certificates are generated).</summary>
    public bool UsesDevelopmentCertificates => Enabled && CaPath.Length == 0 && CertPath.Length == 0 && KeyPath.Length == 0;
}
