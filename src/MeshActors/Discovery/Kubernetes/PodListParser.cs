using System.Text.Json;

namespace MeshActors.Discovery.Kubernetes;

/// <summary>
/// Turns a <c>PodList</c> into targets. A pod is a target when it has an IP, is not terminating
/// (no <c>deletionTimestamp</c>), is in phase Running, and is ready — by its <c>Ready</c>
/// condition, or by the chosen container's status when a container name is set — unless
/// not-ready pods are included. Missing fields make a pod no target; they never throw.
/// </summary>
internal static class PodListParser
{
    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">The text is not JSON, or not a list of items.</exception>
    public static List<KubernetesTarget> Parse(string json, TargetSelection selection, string fallbackNamespace)
    {
        using var document = KubernetesJson.ParseList(json, "PodList");
        var targets = new List<KubernetesTarget>();
        foreach (var pod in KubernetesJson.Items(document.RootElement, "items"))
        {
            if (ToTarget(pod, selection, fallbackNamespace) is { } target)
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    private static KubernetesTarget? ToTarget(JsonElement pod, TargetSelection selection, string fallbackNamespace)
    {
        var metadata = KubernetesJson.Child(pod, "metadata");
        var status = KubernetesJson.Child(pod, "status");
        var ip = KubernetesJson.Text(status, "podIP");
        if (ip is null || KubernetesJson.Text(metadata, "deletionTimestamp") is not null)
        {
            return null;
        }

        var running = KubernetesJson.Text(status, "phase") == "Running";
        if (!selection.IncludeNotReady && !(running && IsReady(status, selection.ContainerName)))
        {
            return null;
        }

        var port = ChoosePort(KubernetesJson.Child(pod, "spec"), selection);
        return port is null
            ? null
            : new KubernetesTarget(KubernetesJson.Text(metadata, "name") ?? ip, KubernetesJson.Text(metadata, "namespace") ?? fallbackNamespace, ip, port.Value);
    }

    private static bool IsReady(JsonElement status, string containerName)
    {
        if (containerName.Length > 0)
        {
            return KubernetesJson.Items(status, "containerStatuses").Any(c =>
                KubernetesJson.Text(c, "name") == containerName &&
                KubernetesJson.Child(c, "ready").ValueKind == JsonValueKind.True &&
                KubernetesJson.Child(KubernetesJson.Child(c, "state"), "running").ValueKind == JsonValueKind.Object);
        }

        return KubernetesJson.Items(status, "conditions").Any(c =>
            KubernetesJson.Text(c, "type") == "Ready" && KubernetesJson.Text(c, "status") == "True");
    }

    private static int? ChoosePort(JsonElement spec, TargetSelection selection)
    {
        var containers = KubernetesJson.Items(spec, "containers")
            .Where(c => selection.ContainerName.Length == 0 || KubernetesJson.Text(c, "name") == selection.ContainerName)
            .ToList();
        if (containers.Count == 0)
        {
            return null;
        }

        if (selection.PortName.Length == 0)
        {
            return selection.DefaultPort;
        }

        return containers
            .SelectMany(c => KubernetesJson.Items(c, "ports"))
            .Where(p => KubernetesJson.Text(p, "name") == selection.PortName)
            .Select(p => KubernetesJson.Port(p, "containerPort"))
            .FirstOrDefault(p => p is not null);
    }
}
