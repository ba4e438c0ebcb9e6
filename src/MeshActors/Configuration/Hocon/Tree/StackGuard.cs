using System.Runtime.CompilerServices;

namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// Turns a nearly exhausted call stack into a <see cref="HoconException"/>, so absurdly deep input
/// fails with a message instead of crashing the process.
/// </summary>
internal static class StackGuard
{
    public static void Ensure(HoconOrigin origin)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException(origin, "the configuration nests too deeply to process");
        }
    }
}
