namespace MeshActors.Benchmarks;

/// <summary>What <see cref="NodeCluster"/> starts, and where.</summary>
internal sealed record ClusterSpec(
    string NodeDll,
    int Nodes,
    string Profile,
    int MeshPortBase,
    int ControlPortBase,
    string Directory,
    string LogDirectory,
    string LogLevel,
    TimeSpan PollInterval,
    bool Watch,
    TimeSpan Deadline);
