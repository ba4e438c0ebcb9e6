using System.Net;

namespace MeshActors.Discovery.Kubernetes;

/// <summary>One list call to the API server: what is listed, where, and what RBAC it needs.</summary>
/// <param name="Url">The full list URL, selector included.</param>
/// <param name="Resource">The resource listed (<c>pods</c> or <c>endpointslices</c>).</param>
/// <param name="ApiGroup">The resource's API group; empty for the core group.</param>
/// <param name="Namespace">The namespace listed.</param>
internal sealed record KubernetesQuery(Uri Url, string Resource, string ApiGroup, string Namespace)
{
    private const string Setting = "meshactors.discovery.kubernetes.";

    /// <summary>The list call for <paramref name="options"/> in <paramref name="ns"/>.</summary>
    public static KubernetesQuery For(KubernetesDiscoveryOptions options, Uri apiServer, string ns)
    {
        var root = apiServer.ToString().TrimEnd('/');
        var escapedNs = Uri.EscapeDataString(ns);
        return options.Mode == KubernetesDiscoveryOptions.EndpointSlicesMode
            ? new KubernetesQuery(
                new Uri($"{root}/apis/discovery.k8s.io/v1/namespaces/{escapedNs}/endpointslices?labelSelector={Uri.EscapeDataString("kubernetes.io/service-name=" + options.ServiceName)}"),
                "endpointslices", "discovery.k8s.io", ns)
            : new KubernetesQuery(
                new Uri($"{root}/api/v1/namespaces/{escapedNs}/pods?labelSelector={Uri.EscapeDataString(options.LabelSelector)}"),
                "pods", string.Empty, ns);
    }

    /// <summary>The API server URL: the configured one, else the in-cluster service from the environment.</summary>
    /// <exception cref="DiscoveryException">Neither is set.</exception>
    public static Uri ApiServer(string configured, Func<string, string?> environment)
    {
        if (configured.Length > 0)
        {
            return new Uri(configured);
        }

        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port))
        {
            throw new DiscoveryException($"kubernetes: KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set, so this is not running in a pod; set {Setting}api-server to the API server's URL");
        }

        var hostPart = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        return Uri.TryCreate($"https://{hostPart}:{port}", UriKind.Absolute, out var uri)
            ? uri
            : throw new DiscoveryException($"kubernetes: KUBERNETES_SERVICE_HOST={host} and KUBERNETES_SERVICE_PORT={port} do not form a URL; set {Setting}api-server");
    }

    /// <summary>The message for a 401 or 403 answer, naming the missing permission.</summary>
    public string Unauthorized(HttpStatusCode status, string tokenPath)
    {
        var group = ApiGroup.Length == 0 ? string.Empty : $" in API group '{ApiGroup}'";
        return status == HttpStatusCode.Unauthorized
            ? $"kubernetes: the API server rejected the service-account token from {tokenPath} (401): check that the pod mounts a valid, unexpired token (automountServiceAccountToken) or set {Setting}token-path"
            : $"kubernetes: the service account may not list {Resource} in namespace {Namespace} (403): grant 'list' on '{Resource}'{group} — see deploy/kubernetes/rbac.yaml";
    }
}
