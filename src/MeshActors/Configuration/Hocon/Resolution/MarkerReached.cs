namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// Thrown when a lookup reaches a self-referential field that has no older value to look back at.
/// A substitution written in that field's own value treats it as undefined; any other is in a cycle.
/// </summary>
internal sealed class MarkerReached : Exception
{
    public MarkerReached(ResolveView view)
        : base($"reached {view.ReplacedPath?.Render()} while it is being defined")
    {
        View = view;
    }

    public ResolveView View { get; }

    public HoconPath Path => View.ReplacedPath!;
}
