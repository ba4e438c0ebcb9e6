using Akka.Actor;

namespace MeshActors.Discovery.Coordination;

/// <summary>The parent of the coordinators (<c>/system/meshactors-discovery</c>): one child per
/// enabled provider, named after it. A coordinator that throws is resumed, not restarted, so its
/// provider (created once, owned by the coordinator) and its health survive.</summary>
internal sealed class DiscoveryGuardian : ReceiveActor
{
    /// <summary>The guardian's name under <c>/system</c>.</summary>
    public const string Name = "meshactors-discovery";

    public DiscoveryGuardian(IReadOnlyList<(string Name, Props Props)> coordinators)
    {
        foreach (var (name, props) in coordinators)
        {
            Context.ActorOf(props, name);
        }
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_ => Directive.Resume);
}
