using System.Diagnostics;
using System.Globalization;

namespace MeshActors.Benchmarks.Harness;

/// <summary>The anchor: this program's own <c>akka-node</c>, a plain Akka.NET node with default settings.</summary>
internal sealed class AkkaDefaultKind : INodeKind
{
    public const string SystemName = "bench";

    public string Name => "akka-default";

    public Task PrepareAsync(int count, string directory) => Task.CompletedTask;

    public NodeProcess Start(int index, int port, int controlPort, int seedPort, string directory, Stopwatch clock)
    {
        var (program, prefix) = SelfCommand();
        string[] arguments =
        [
            .. prefix,
            "akka-node",
            "--system", SystemName,
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--seeds", $"127.0.0.1:{seedPort.ToString(CultureInfo.InvariantCulture)}",
            "--control-port", controlPort.ToString(CultureInfo.InvariantCulture),
        ];
        var name = $"akka-{index:000}";
        return NodeProcess.Start(name, program, arguments, controlPort, Path.Combine(directory, name + ".log"), clock);
    }

    /// <summary>How to start this program again: its apphost, or <c>dotnet</c> with its dll.</summary>
    internal static (string Program, string[] Prefix) SelfCommand()
    {
        var path = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(AkkaDefaultKind).Assembly.Location])
            : (path, []);
    }
}
