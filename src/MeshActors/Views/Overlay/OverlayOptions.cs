using MeshActors.Configuration;

namespace MeshActors.Views.Overlay;

/// <summary><c>meshactors.overlay</c>: the HyParView views, peer exchange, scoring and limits.
/// Every setting is documented in <c>hocon/reference.conf</c>.</summary>
public sealed record OverlayOptions
{
    internal static OverlayOptions Bind(ConfigReader r) => new();
}
