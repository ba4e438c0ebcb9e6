namespace MeshActors.Discovery.Kubernetes;

/// <summary>Which pods or endpoints become targets, and on which port.</summary>
/// <param name="ContainerName">When not empty: the container whose readiness counts (pods mode) and whose ports are searched.</param>
/// <param name="PortName">When not empty: the named port to use; a pod without it yields no target.</param>
/// <param name="DefaultPort">The port when <paramref name="PortName"/> is empty.</param>
/// <param name="IncludeNotReady">Whether not-ready pods count; terminating ones never do.</param>
internal sealed record TargetSelection(string ContainerName, string PortName, int DefaultPort, bool IncludeNotReady);
