using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>Starts a node's control endpoint as the host starts, before the ActorSystem; the
/// node's coordinated shutdown stops it.</summary>
internal sealed class ControlStarter(MeshNode node, ILoggerFactory loggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => node.StartControlAsync(loggers);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
