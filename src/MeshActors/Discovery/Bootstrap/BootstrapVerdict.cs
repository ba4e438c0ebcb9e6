using MeshActors.Transport;

namespace MeshActors.Discovery.Bootstrap;

/// <summary>The join decision's answer, with the reason shown by <c>meshctl discovery explain</c>.</summary>
/// <param name="Kind">Wait, join or form.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Seeds">For <see cref="BootstrapVerdictKind.Join"/>: whom to join through.</param>
/// <param name="Through">For a join: the contact that said it is in a cluster.</param>
public sealed record BootstrapVerdict(BootstrapVerdictKind Kind, string Reason, IReadOnlyList<NodeAddress> Seeds, ContactAnswer? Through = null)
{
    internal static BootstrapVerdict Wait(string reason) => new(BootstrapVerdictKind.Wait, reason, []);

    internal static BootstrapVerdict Form(string reason) => new(BootstrapVerdictKind.Form, reason, []);
}
