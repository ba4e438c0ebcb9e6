using System.Collections.Immutable;

namespace MeshActors.Leadership.Election;

/// <summary>Every elected scope and its leader as this node knows it (<c>null</c>: none at the moment), and a version that grows with each change.</summary>
/// <param name="Leaders">The leader per scope, one entry per scope this cluster elects.</param>
/// <param name="Version">Incremented on every change this node observes.</param>
public sealed record LeadershipSnapshot(ImmutableSortedDictionary<string, LeaderInfo?> Leaders, long Version)
{
    /// <summary>A snapshot of <paramref name="scopes"/> with no leader known yet.</summary>
    public static LeadershipSnapshot Empty(IEnumerable<string> scopes) =>
        new(scopes.ToImmutableSortedDictionary(s => s, _ => (LeaderInfo?)null, StringComparer.Ordinal), 0);
}
