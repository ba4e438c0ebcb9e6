using Akka.Actor;
using Akka.Configuration;
using MeshActors.Discovery.Akka;

namespace MeshActors.Tests.Discovery.Akka;

/// <summary>Plain Akka.NET ActorSystems (no MeshActors node) with the discovery methods registered.</summary>
internal static class AkkaSystems
{
    /// <summary>An ActorSystem named "demo" with <paramref name="hocon"/> over <see cref="MeshActorsDiscoveryConfig.Default"/>.</summary>
    public static ActorSystem Create(string hocon) =>
        ActorSystem.Create("demo", ConfigurationFactory.ParseString(hocon).WithFallback(MeshActorsDiscoveryConfig.Default));

    /// <summary>The messages of <paramref name="error"/> and its causes, outermost first.</summary>
    public static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
