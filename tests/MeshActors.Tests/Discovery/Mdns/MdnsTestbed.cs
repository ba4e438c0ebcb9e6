using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>Conformance backend: python3-zeroconf publishers in a fresh namespace serve the
/// targets; a missing interface fails; a sender of corrupt packets is the garbage.</summary>
internal sealed class MdnsTestbed : IProviderTestbed
{
    private readonly NetworkNamespace _ns = NetworkNamespace.Create();
    private readonly CancellationTokenSource _stop = new();
    private Task _garbage = Task.CompletedTask;

    public string ProviderName => "mdns";

    public async Task<IDiscoveryProvider> ServingAsync(IReadOnlyList<NodeAddress> targets)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            await ZeroconfPeer.PublishAsync(_ns, $"peer-{i}", targets[i].Host, targets[i].Port, "cluster=conformance", $"id=peer-{i}", "ver=1");
        }

        // One run must hear every peer: python3-zeroconf on a busy 2-core machine can answer later
        // than the 500 ms default window, so the suite's single-run checks get a wider one.
        return MdnsTestNodes.Create(_ns, "self", "conformance", options: MdnsTestNodes.Options() with { BrowseWindow = TimeSpan.FromMilliseconds(1500) });
    }

    public Task<IDiscoveryProvider> FailingAsync() =>
        Task.FromResult<IDiscoveryProvider>(MdnsTestNodes.Create(_ns, "self", "conformance", options: MdnsTestNodes.Options("nosuch0")));

    public Task<IDiscoveryProvider> GarbageAsync()
    {
        var sender = new MdnsFloodSender(_ns);
        _garbage = Task.Run(async () =>
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                foreach (var packet in MdnsFloodSender.Garbage(n))
                {
                    sender.Send(packet);
                }

                await Task.Delay(10, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        return Task.FromResult<IDiscoveryProvider>(MdnsTestNodes.Create(_ns, "self", "conformance"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _garbage;
        await _ns.DisposeAsync();
        _stop.Dispose();
    }
}
