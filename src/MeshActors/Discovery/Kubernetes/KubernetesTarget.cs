namespace MeshActors.Discovery.Kubernetes;

/// <summary>A pod the API server says may run a cluster member.</summary>
/// <param name="PodName">The pod's name (with the StatefulSet manifests, also the node id).</param>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Ip">The pod IP.</param>
/// <param name="Port">The mesh port chosen for it.</param>
internal sealed record KubernetesTarget(string PodName, string Namespace, string Ip, int Port)
{
    /// <summary>The pod's DNS name, <c>10-8-7-9.&lt;ns&gt;.pod.&lt;domain&gt;</c>.</summary>
    public string PodHost(string clusterDomain) => $"{Ip.Replace('.', '-').Replace(':', '-')}.{Namespace}.pod.{clusterDomain}";
}
