using System.Diagnostics;
using System.Globalization;

namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// The anchor: this program's own <c>akka-node</c>, a plain Akka.NET node with default settings, or
/// with <paramref name="extraArguments"/> (e.g. <c>--singleton --profile lan</c>) under another
/// <paramref name="name"/>.
/// </summary>
internal sealed class AkkaDefaultKind(string name, IReadOnlyList<string> extraArguments) : INodeKind
{
    public const string SystemName = "bench";

    public AkkaDefaultKind()
        : this("akka-default", [])
    {
    }

    public string Name => name;

    /// <summary>The cluster address node of cluster port <paramref name="port"/> has.</summary>
    public static string Address(int port) => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{SystemName}@127.0.0.1:{port}");

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
            .. extraArguments,
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
