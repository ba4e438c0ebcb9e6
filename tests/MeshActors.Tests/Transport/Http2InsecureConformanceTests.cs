namespace MeshActors.Tests.Transport;

/// <summary>The conformance suite on real loopback sockets with TLS off (h2c, prior knowledge).</summary>
public sealed class Http2InsecureConformanceTests : TransportConformance
{
    protected override Task<ITransportTestbed> CreateTestbedAsync() =>
        Task.FromResult<ITransportTestbed>(new Http2Testbed((_, _) => null));
}
