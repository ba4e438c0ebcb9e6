using System.Diagnostics;

namespace MeshActors.Benchmarks.Harness;

/// <summary>A kind of node the harness starts as real processes and observes through <c>/control/members</c>.</summary>
internal interface INodeKind
{
    /// <summary>The name in the results: <c>meshactors</c> or <c>akka-default</c>.</summary>
    string Name { get; }

    /// <summary>Once per run, before any node starts (e.g. certificates for <paramref name="count"/> node ids).</summary>
    Task PrepareAsync(int count, string directory);

    /// <summary>Starts node <paramref name="index"/> on cluster port <paramref name="port"/>, seeded with <paramref name="seedPort"/>.</summary>
    NodeProcess Start(int index, int port, int controlPort, int seedPort, string directory, Stopwatch clock);
}
