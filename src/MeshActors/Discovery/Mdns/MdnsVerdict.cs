namespace MeshActors.Discovery.Mdns;

/// <summary>What one received message means for this node's names.</summary>
/// <param name="Conflicts">Names someone else already uses: rename (§8.1) or probe again (§9).</param>
/// <param name="LostTieBreaks">Names another host is probing for with lexicographically later
/// records (§8.2): wait a second, then probe again under the same name.</param>
internal sealed record MdnsVerdict(IReadOnlyList<string> Conflicts, IReadOnlyList<string> LostTieBreaks)
{
    /// <summary>Nothing to do.</summary>
    public static readonly MdnsVerdict None = new([], []);

    /// <summary>Whether the message changes nothing.</summary>
    public bool IsNone => Conflicts.Count == 0 && LostTieBreaks.Count == 0;
}
