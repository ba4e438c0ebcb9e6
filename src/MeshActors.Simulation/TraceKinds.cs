namespace MeshActors.Simulation;

/// <summary>The record kinds that go into a <see cref="TraceHash"/>.</summary>
internal static class TraceKinds
{
    public const int Delivery = 1;
    public const int Start = 2;
    public const int Crash = 3;
    public const int Pause = 4;
}
