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

        // Through the guardian, a message reaches a coordinator even right after start, when
        // the children exist only once this constructor has run.
        Receive<ToProvider>(m => Context.Child(m.Provider).Forward(m.Message));
    }

    /// <summary>Forwards <paramref name="Message"/> to the coordinator of <paramref name="Provider"/> (the sender is kept).</summary>
    public sealed record ToProvider(string Provider, object Message);

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_ => Directive.Resume);
}
