namespace MeshActors.Benchmarks.AkkaDefault;

/// <summary>One member as <c>GET /control/members</c> lists it (the MeshActors node's shape).</summary>
public sealed record MemberEntry(
    string NodeId,
    string Address,
    string Status,
    bool Reachable,
    IReadOnlyList<string> Roles,
    string AppVersion,
    IReadOnlyDictionary<string, string> Metadata);
