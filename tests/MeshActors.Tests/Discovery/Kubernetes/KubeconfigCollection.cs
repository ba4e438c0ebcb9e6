namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>Akka.Discovery.KubernetesApi's client takes the CA it trusts from the process-wide
/// KUBECONFIG variable when it is created, so the tests that set it run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class KubeconfigCollection
{
    public const string Name = "KUBECONFIG";
}
