using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MeshActors.Discovery.Http;

/// <summary>An <see cref="HttpMessageHandler"/> that trusts exactly the CA certificates of a
/// PEM file (the Kubernetes service-account <c>ca.crt</c>, a private rendezvous server's CA)
/// instead of the system store. The host name must still match the server's certificate.</summary>
internal static class TrustedCaHandler
{
    /// <summary>A handler that trusts the system store when <paramref name="caPemPath"/> is empty,
    /// otherwise only the CAs in that file.</summary>
    /// <exception cref="DiscoveryException">The file is missing or holds no certificate.</exception>
    public static SocketsHttpHandler Create(string caPemPath, string provider, string caSetting)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
        if (caPemPath.Length == 0)
        {
            return handler;
        }

        var roots = Load(caPemPath, provider, caSetting);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || !DiscoveryHttp.OnlyChainErrors(errors))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }

    private static X509Certificate2Collection Load(string path, string provider, string caSetting)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new DiscoveryException($"{provider}: cannot read the CA file {path} ({ex.Message}); set {caSetting} to a readable PEM file", ex);
        }

        return roots.Count > 0
            ? roots
            : throw new DiscoveryException($"{provider}: the CA file {path} holds no PEM certificate; set {caSetting} to the CA's PEM file");
    }
}
