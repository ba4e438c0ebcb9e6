namespace MeshActors.Tests.Leadership;

/// <summary>A three-node cluster shared by the tests of <see cref="ClusterLeaseStoreTests"/>; each test gets its own arbiter.</summary>
public sealed class ClusterLeaseStoreFixture : IAsyncLifetime
{
    public ClusterLeaseStoreTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ClusterLeaseStoreTestCluster.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
