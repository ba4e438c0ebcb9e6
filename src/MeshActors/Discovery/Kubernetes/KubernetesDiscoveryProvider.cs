using System.Net;
using System.Net.Http.Headers;
using MeshActors.Diagnostics;
using MeshActors.Discovery.Http;
using MeshActors.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Kubernetes;

/// <summary>
/// Finds cluster members through the Kubernetes API server: the pods matching a label selector,
/// or the endpoints of a Service's EndpointSlices, in one namespace. Authenticates with the pod's
/// service-account token (read again on every run) and trusts the service-account CA.
/// </summary>
public sealed class KubernetesDiscoveryProvider : IDiscoveryProvider
{
    private const string Setting = "meshactors.discovery.kubernetes.";
    private readonly KubernetesDiscoveryOptions _options;
    private readonly DiscoveryContext _context;
    private readonly Func<string, string?> _environment;
    private readonly HttpCallSettings _call;
    private readonly ILogger _logger;
    private readonly TrustedHttpClient _client;

    /// <summary>Creates the provider; nothing is read or contacted until the first run.</summary>
    public KubernetesDiscoveryProvider(KubernetesDiscoveryOptions options, DiscoveryContext context)
        : this(options, context, Environment.GetEnvironmentVariable)
    {
    }

    internal KubernetesDiscoveryProvider(KubernetesDiscoveryOptions options, DiscoveryContext context, Func<string, string?> environment)
    {
        _options = options;
        _context = context;
        _environment = environment;
        _call = new HttpCallSettings(Name, Setting + "request-timeout", Setting + "ca-path", options.RequestTimeout);
        _client = new TrustedHttpClient(options.CaPath, Name, Setting + "ca-path");
        _logger = context.LoggerFactory.CreateLogger<KubernetesDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => "kubernetes";

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var query = KubernetesQuery.For(_options, KubernetesQuery.ApiServer(_options.ApiServer, _environment), await NamespaceAsync(cancellationToken).ConfigureAwait(false));
        var token = await ReadSecretAsync(_options.TokenPath, "token-path", "the service-account token", cancellationToken).ConfigureAwait(false);
        var answer = await DiscoveryHttp.SendAsync(_client.Get(), () => Request(query.Url, token), _call, _context.Time, cancellationToken).ConfigureAwait(false);
        if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new DiscoveryException(query.Unauthorized(answer.Status, _options.TokenPath));
        }

        if (!answer.IsSuccess)
        {
            throw DiscoveryHttp.StatusError(_call, answer, $"check {Setting}api-server and {Setting}namespace");
        }

        var selection = new TargetSelection(_options.ContainerName, _options.ContainerPortName, _options.Port > 0 ? _options.Port : _context.LocalAddress.Port, _options.IncludeNotReady);
        List<KubernetesTarget> targets;
        try
        {
            targets = query.Resource == "pods"
                ? PodListParser.Parse(answer.Body, selection, query.Namespace)
                : EndpointSliceParser.Parse(answer.Body, selection, query.Namespace);
        }
        catch (FormatException ex)
        {
            throw new DiscoveryException($"kubernetes: {DiscoveryHttp.Describe(query.Url)} did not return a {query.Resource} list: {ex.Message}; check that {Setting}api-server is the Kubernetes API server", ex);
        }

        var points = targets
            .Select(t => new ContactPoint(new NodeAddress(t.Ip, t.Port), Name)
            {
                NodeId = t.PodName,
                Source = $"{query.Resource} {t.Namespace}/{t.PodName} → {t.PodHost(_options.ClusterDomain)} ({t.Ip}:{t.Port})",
            })
            .DistinctBy(c => c.Address)
            .ToList();
        MeshLog.KubernetesDiscovered(_logger, points.Count, query.Resource, query.Namespace);
        return new DiscoveryResult(points);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpRequestMessage Request(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }


    private async Task<string> NamespaceAsync(CancellationToken cancellationToken) =>
        _options.Namespace.Length > 0
            ? _options.Namespace
            : await ReadSecretAsync(_options.NamespacePath, "namespace-path", "this pod's namespace", cancellationToken).ConfigureAwait(false);

    private static async Task<string> ReadSecretAsync(string path, string setting, string what, CancellationToken cancellationToken)
    {
        try
        {
            var text = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
            return text.Length > 0 ? text : throw new DiscoveryException($"kubernetes: {path} ({what}) is empty; set {Setting}{setting} to the right file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DiscoveryException($"kubernetes: cannot read {what} from {path} ({ex.Message}); mount the service account (automountServiceAccountToken: true) or set {Setting}{setting}", ex);
        }
    }
}
