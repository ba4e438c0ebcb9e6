namespace MeshActors.Leadership.Election;

/// <summary>A change of a scope's leader as this node observed it: a new term began, or the last one ended with no successor yet.</summary>
/// <param name="Scope">The scope.</param>
/// <param name="Previous">The leader before, if this node knew one.</param>
/// <param name="Current">The leader now; <c>null</c>: no one leads the scope at the moment (the last term expired or was released).</param>
/// <param name="ObservedAt">When this node saw the change, on its own clock.</param>
public sealed record LeadershipChange(string Scope, LeaderInfo? Previous, LeaderInfo? Current, DateTimeOffset ObservedAt)
{
    /// <summary><c>elected</c> when a new term began, <c>vacant</c> when the scope has no leader.</summary>
    public string Kind => Current is null ? "vacant" : "elected";
}
