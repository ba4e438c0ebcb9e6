namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// Thrown when resolving a field needs that same field: the self-referential value that is being
/// resolved catches it and retries by looking back at the values it overrides.
/// </summary>
internal sealed class ReentrySignal : Exception
{
    public ReentrySignal(ResolveView view, HoconPath path)
        : base($"re-entered {path.Render()}")
    {
        View = view;
        Path = path;
    }

    public ResolveView View { get; }

    public HoconPath Path { get; }
}
