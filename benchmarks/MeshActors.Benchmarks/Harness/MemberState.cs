namespace MeshActors.Benchmarks.Harness;

/// <summary>How one node lists one member: its status (lower case) and whether it is reachable.</summary>
internal readonly record struct MemberState(string Status, bool Reachable);
