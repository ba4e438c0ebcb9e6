using MeshActors.Configuration;

namespace MeshActors.Discovery.Kubernetes;

/// <summary><c>meshactors.discovery.kubernetes</c>: contact points from the Kubernetes API server (pods or EndpointSlices).</summary>
public sealed record KubernetesDiscoveryOptions : IProviderOptions
{
    /// <summary>The value of <see cref="Mode"/> that lists pods by label selector.</summary>
    public const string PodsMode = "pods";

    /// <summary>The value of <see cref="Mode"/> that lists a Service's EndpointSlices.</summary>
    public const string EndpointSlicesMode = "endpoint-slices";

    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>mode</c>: <see cref="PodsMode"/> or <see cref="EndpointSlicesMode"/>.</summary>
    public string Mode { get; init; } = PodsMode;

    /// <summary><c>api-server</c>: the API server's base URL; empty: https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT.</summary>
    public string ApiServer { get; init; } = "";

    /// <summary><c>namespace</c>: the namespace to list in; empty: read from <see cref="NamespacePath"/>.</summary>
    public string Namespace { get; init; } = "";

    /// <summary><c>namespace-path</c>: the file holding this pod's namespace.</summary>
    public string NamespacePath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary><c>token-path</c>: the service-account bearer token, read again on every run (tokens rotate).</summary>
    public string TokenPath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary><c>ca-path</c>: the PEM CA that signed the API server's certificate; empty: the system store.</summary>
    public string CaPath { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";

    /// <summary><c>label-selector</c>: which pods are cluster members (pods mode).</summary>
    public string LabelSelector { get; init; } = "app.kubernetes.io/name=meshactors";

    /// <summary><c>service-name</c>: the Service whose EndpointSlices are listed (endpoint-slices mode).</summary>
    public string ServiceName { get; init; } = "";

    /// <summary><c>port</c>: the mesh port of every target when no named port is chosen; 0: this node's own transport port.</summary>
    public int Port { get; init; }

    /// <summary><c>container-name</c>: the container that runs the node; when set its readiness decides, not the pod's.</summary>
    public string ContainerName { get; init; } = "";

    /// <summary><c>container-port-name</c>: the named container (or EndpointSlice) port to use; a target without it is skipped.</summary>
    public string ContainerPortName { get; init; } = "";

    /// <summary><c>include-not-ready</c>: also offer pods that are not (yet) ready; terminating pods are never offered.</summary>
    public bool IncludeNotReady { get; init; }

    /// <summary><c>cluster-domain</c>: the cluster's DNS domain, for the pod host names shown as the source.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary><c>request-timeout</c>: how long one list call may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal static KubernetesDiscoveryOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.kubernetes.";
        var options = new KubernetesDiscoveryOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            Mode = r.Choice(p + "mode", [PodsMode, EndpointSlicesMode]),
            ApiServer = r.String(p + "api-server", "set the API server URL, e.g. \"https://10.96.0.1:443\", or \"\" inside a pod"),
            Namespace = r.String(p + "namespace", "set a namespace, or \"\" to read it from namespace-path"),
            NamespacePath = r.String(p + "namespace-path", "set the path of the service-account namespace file"),
            TokenPath = r.String(p + "token-path", "set the path of the service-account token file"),
            CaPath = r.String(p + "ca-path", "set the path of the API server's CA (PEM), or \"\" for the system store"),
            LabelSelector = r.String(p + "label-selector", "set a label selector such as \"app.kubernetes.io/name=meshactors\""),
            ServiceName = r.String(p + "service-name", "set the headless Service's name, e.g. \"meshactors\""),
            Port = (int)r.Long(p + "port", 0, 65535, "set the mesh transport port, or 0 for this node's own"),
            ContainerName = r.String(p + "container-name", "set a container name, or \"\" to judge readiness by the pod"),
            ContainerPortName = r.String(p + "container-port-name", "set a container port name, or \"\" to use port"),
            IncludeNotReady = r.Bool(p + "include-not-ready", "set true or false"),
            ClusterDomain = r.String(p + "cluster-domain", "set the cluster DNS domain, e.g. \"cluster.local\""),
            RequestTimeout = r.Duration(p + "request-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), "set a duration such as 5s"),
        };
        options.Validate(r, p);
        return options;
    }

    private void Validate(ConfigReader r, string p)
    {
        if (!Enabled)
        {
            return;
        }

        if (Mode == EndpointSlicesMode && ServiceName.Length == 0)
        {
            r.Add(p + "service-name", "is empty, but mode = endpoint-slices needs the Service whose EndpointSlices to list", "set service-name to the headless Service's name, or use mode = pods");
        }

        if (Mode == PodsMode && LabelSelector.Trim().Length == 0)
        {
            r.Add(p + "label-selector", "is empty, so every pod in the namespace would be a contact point", "set a selector matching the node pods' labels, e.g. \"app.kubernetes.io/name=meshactors\"");
        }

        if (ApiServer.Length > 0 && !(Uri.TryCreate(ApiServer, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            r.Add(p + "api-server", $"\"{ApiServer}\" is not an http(s) URL", "set e.g. \"https://10.96.0.1:443\", or \"\" inside a pod");
        }
    }
}
