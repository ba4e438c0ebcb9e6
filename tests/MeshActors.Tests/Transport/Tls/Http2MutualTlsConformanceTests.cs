namespace MeshActors.Tests.Transport.Tls;

/// <summary>The conformance suite on real loopback sockets with mutual TLS 1.3, every node holding
/// a certificate from one cluster CA.</summary>
public sealed class Http2MutualTlsConformanceTests : TransportConformance, IDisposable
{
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    protected override Task<ITransportTestbed> CreateTestbedAsync() =>
        Task.FromResult<ITransportTestbed>(new Http2Testbed((node, cluster) => _pki.Tls(_pki.Issue(node, cluster), cluster)));
}
