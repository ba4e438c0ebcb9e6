using Akka.Actor;

namespace MeshActors.Hosting;

/// <summary><c>/user/mesh</c>: the parent of every MeshActors actor, so they share one path and one
/// supervisor (Akka's default: restart a child that throws).</summary>
internal sealed class MeshGuardian : ReceiveActor
{
    public MeshGuardian() => Receive<Start>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name)));

    /// <summary>Start a child and answer with its reference.</summary>
    public sealed record Start(Props Props, string Name);

    /// <summary>Starts <paramref name="props"/> as <c>/user/mesh/{name}</c>. When the ActorSystem stops meanwhile
    /// (a SIGTERM while the node starts) the guardian never answers: that ends in
    /// <see cref="OperationCanceledException"/> at once instead of a 10 s ask timeout that fails the host.</summary>
    public static async Task<IActorRef> StartChildAsync(IActorRef mesh, ActorSystem system, Props props, string name)
    {
        var ask = mesh.Ask<IActorRef>(new Start(props, name), TimeSpan.FromSeconds(10));
        if (await Task.WhenAny(ask, system.WhenTerminated).ConfigureAwait(false) != ask && !ask.IsCompletedSuccessfully)
        {
            throw new OperationCanceledException($"the ActorSystem stopped while /user/mesh/{name} was starting");
        }

        return await ask.ConfigureAwait(false);
    }
}
