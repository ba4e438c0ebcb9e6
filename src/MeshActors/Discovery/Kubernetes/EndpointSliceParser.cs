using System.Text.Json;

namespace MeshActors.Discovery.Kubernetes;

/// <summary>
/// Turns an <c>EndpointSliceList</c> (discovery.k8s.io/v1) into targets. An endpoint counts
/// unless its <c>terminating</c> condition is true; it must also be ready (an absent
/// <c>ready</c> means ready, as the API defines) unless not-ready endpoints are included.
/// FQDN slices are skipped; only IPv4 and IPv6 addresses are targets.
/// </summary>
internal static class EndpointSliceParser
{
    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">The text is not JSON, or not a list of items.</exception>
    public static List<KubernetesTarget> Parse(string json, TargetSelection selection, string fallbackNamespace)
    {
        using var document = KubernetesJson.ParseList(json, "EndpointSliceList");
        var targets = new List<KubernetesTarget>();
        foreach (var slice in KubernetesJson.Items(document.RootElement, "items"))
        {
            if (KubernetesJson.Text(slice, "addressType") is not ("IPv4" or "IPv6") || ChoosePort(slice, selection) is not { } port)
            {
                continue;
            }

            var sliceNamespace = KubernetesJson.Text(KubernetesJson.Child(slice, "metadata"), "namespace") ?? fallbackNamespace;
            foreach (var endpoint in KubernetesJson.Items(slice, "endpoints").Where(e => Counts(e, selection)))
            {
                var reference = KubernetesJson.Child(endpoint, "targetRef");
                foreach (var address in KubernetesJson.Items(endpoint, "addresses").Where(a => a.ValueKind == JsonValueKind.String))
                {
                    var ip = address.GetString()!;
                    targets.Add(new KubernetesTarget(
                        KubernetesJson.Text(reference, "name") ?? ip,
                        KubernetesJson.Text(reference, "namespace") ?? sliceNamespace,
                        ip,
                        port));
                }
            }
        }

        return targets;
    }

    private static bool Counts(JsonElement endpoint, TargetSelection selection)
    {
        var conditions = KubernetesJson.Child(endpoint, "conditions");
        if (KubernetesJson.Child(conditions, "terminating").ValueKind == JsonValueKind.True)
        {
            return false;
        }

        return selection.IncludeNotReady || KubernetesJson.Child(conditions, "ready").ValueKind != JsonValueKind.False;
    }

    private static int? ChoosePort(JsonElement slice, TargetSelection selection) =>
        selection.PortName.Length == 0
            ? selection.DefaultPort
            : KubernetesJson.Items(slice, "ports")
                .Where(p => KubernetesJson.Text(p, "name") == selection.PortName)
                .Select(p => KubernetesJson.Port(p, "port"))
                .FirstOrDefault(p => p is not null);
}
