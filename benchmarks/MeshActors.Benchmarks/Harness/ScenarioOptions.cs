namespace MeshActors.Benchmarks.Harness;

/// <summary>
/// One kind's run: <see cref="Nodes"/> nodes on cluster ports <c>PortBase + i</c> and control ports
/// <c>ControlPortBase + i</c> (node <see cref="Nodes"/> is the extra joiner), logs in <see cref="Directory"/>.
/// </summary>
internal sealed record ScenarioOptions(
    int Nodes,
    int PortBase,
    int ControlPortBase,
    string Directory,
    TimeSpan PollInterval,
    TimeSpan Deadline,
    TimeSpan IdleWindow,
    string ControlScheme);
