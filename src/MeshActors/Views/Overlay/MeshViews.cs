namespace MeshActors.Views.Overlay;

/// <summary>
/// This node's overlay views as the view manager last published them: <c>MeshNode.Get(system).Views</c>.
/// Read-only for embedders; the view manager (<c>/user/mesh/views</c>) is the only writer.
/// </summary>
public sealed class MeshViews
{
    private ViewsSnapshot? _current;

    /// <summary>The views now; null until the view manager has started.</summary>
    public ViewsSnapshot? Current => Volatile.Read(ref _current);

    internal void Publish(ViewsSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
