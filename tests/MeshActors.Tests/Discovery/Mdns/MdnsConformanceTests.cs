namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>The shared provider suite against python3-zeroconf peers in a network namespace.</summary>
public sealed class MdnsConformanceTests : DiscoveryProviderConformance
{
    /// <inheritdoc/>
    protected override Task<IProviderTestbed> CreateTestbedAsync() => Task.FromResult<IProviderTestbed>(new MdnsTestbed());

    [Fact]
    public async Task A_missing_interface_names_the_setting()
    {
        await using var bed = new MdnsTestbed();
        await using var provider = await bed.FailingAsync();
        await provider.StartAsync(CancellationToken.None);

        var act = () => provider.DiscoverAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<MeshActors.Discovery.DiscoveryException>()).Which.Message
            .Should().Contain("meshactors.discovery.mdns.interface").And.Contain("nosuch0");
    }
}
