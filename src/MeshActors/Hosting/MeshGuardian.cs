using Akka.Actor;

namespace MeshActors.Hosting;

/// <summary><c>/user/mesh</c>: the parent of every MeshActors actor, so they share one path and one
/// supervisor (Akka's default: restart a child that throws).</summary>
internal sealed class MeshGuardian : ReceiveActor
{
    public MeshGuardian() => Receive<Start>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name)));

    /// <summary>Start a child and answer with its reference.</summary>
    public sealed record Start(Props Props, string Name);
}
