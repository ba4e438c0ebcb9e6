namespace MeshActors.Tests.Events.Delivery;

/// <summary><see cref="EventMeshTests"/> over Akka.Remote with mutual TLS (one test CA, validated as
/// nodes validate), the routers signing with the node certificates and checking relayed source
/// certificates against the CA.</summary>
public sealed class EventMeshTlsTests : EventMeshTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("events-tls-").FullName;

    protected override string? TlsDir => _dir;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_links_run_over_mutual_tls_and_events_are_signed_with_node_certificates()
    {
        Mesh.Nodes.Should().OnlyContain(n => n.Peer.Address.StartsWith("akka.ssl.tcp://", StringComparison.Ordinal) && n.Identity.Authenticated);
    }
}
