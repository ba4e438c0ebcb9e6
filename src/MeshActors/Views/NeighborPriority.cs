namespace MeshActors.Views;

/// <summary>How urgently a node asks a passive peer to become an active neighbour.</summary>
public enum NeighborPriority
{
    /// <summary>The asker still has at least <see cref="HyParViewOptions.ActiveLow"/> neighbours:
    /// the peer accepts only if its active view has room.</summary>
    Low,

    /// <summary>The asker is below <see cref="HyParViewOptions.ActiveLow"/>: the peer always accepts,
    /// evicting a random neighbour if it must.</summary>
    High,
}
