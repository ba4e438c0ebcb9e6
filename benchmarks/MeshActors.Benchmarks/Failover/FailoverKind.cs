using MeshActors.Benchmarks.Harness;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// One kind of node under the failover benchmark: how to start it, what <c>leaderId</c> its node
/// <c>index</c> on cluster port <c>port</c> is named by, and whether its leaders carry fencing tokens
/// (MeshActors' leases do; an Akka singleton does not, so only the host is compared, and no safety
/// monitor runs).
/// </summary>
internal sealed record FailoverKind(string Name, INodeKind Nodes, Func<int, int, string> LeaderIdOf, bool Fenced);
