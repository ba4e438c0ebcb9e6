using Amazon.Runtime;
using MeshActors.Diagnostics;
using MeshActors.Discovery.Http;
using MeshActors.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// Finds running EC2 instances that carry every configured tag, through the EC2 Query API
/// (<c>DescribeInstances</c>, SigV4-signed, following <c>NextToken</c> pages), and offers their
/// private IPs as contact points.
/// </summary>
public sealed class AwsDiscoveryProvider : IDiscoveryProvider
{
    private const string Setting = "meshactors.discovery.aws.";
    private const int MaxPages = 100;
    private readonly AwsDiscoveryOptions _options;
    private readonly DiscoveryContext _context;
    private readonly Func<string, string?> _environment;
    private readonly Func<CancellationToken, Task<ImmutableCredentials>> _credentials;
    private readonly HttpClient _client;
    private readonly HttpCallSettings _call;
    private readonly ILogger _logger;
    private readonly IDisposable? _ownedChain;
    private int _disposed;

    /// <summary>Creates the provider with the standard credential chain and the system trust store.</summary>
    public AwsDiscoveryProvider(AwsDiscoveryOptions options, DiscoveryContext context)
        : this(options, context, Environment.GetEnvironmentVariable, null, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    internal AwsDiscoveryProvider(
        AwsDiscoveryOptions options, DiscoveryContext context, Func<string, string?> environment,
        Func<CancellationToken, Task<ImmutableCredentials>>? credentials, HttpMessageHandler handler)
    {
        _options = options;
        _context = context;
        _environment = environment;
        if (credentials is null)
        {
            var chain = new AwsCredentialChain();
            _ownedChain = chain;
            credentials = chain.ResolveAsync;
        }

        _credentials = credentials;
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _call = new HttpCallSettings(Name, Setting + "request-timeout", "the system trust store (use a public endpoint)", options.RequestTimeout);
        _logger = context.LoggerFactory.CreateLogger<AwsDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => "aws";

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var region = Region();
        var endpoint = Endpoint(region);
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        var instances = new List<Ec2Instance>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        var pages = 0;
        do
        {
            if (++pages > MaxPages || (next is not null && !tokens.Add(next)))
            {
                throw new DiscoveryException($"aws: DescribeInstances kept returning more pages (over {MaxPages}, or a repeated NextToken); narrow {Setting}tags");
            }

            var page = await PageAsync(endpoint, region, credentials, next, cancellationToken).ConfigureAwait(false);
            instances.AddRange(page.Instances);
            next = page.NextToken;
        }
        while (next is not null);

        var fallbackPort = _options.Port > 0 ? _options.Port : _context.LocalAddress.Port;
        var points = instances
            .Select(i => new ContactPoint(new NodeAddress(i.PrivateIp, PortOf(i, fallbackPort)), Name)
            {
                Source = $"EC2 {i.InstanceId} (running, {region}) → {i.PrivateIp}",
            })
            .DistinctBy(c => c.Address)
            .ToList();
        MeshLog.AwsDiscovered(_logger, points.Count, pages, region);
        return new DiscoveryResult(points);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
            _ownedChain?.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<Ec2Page> PageAsync(Uri endpoint, string region, ImmutableCredentials credentials, string? nextToken, CancellationToken cancellationToken)
    {
        var body = Ec2Query.Body(Ec2Query.DescribeInstances(_options.TagFilters, nextToken));
        var answer = await DiscoveryHttp.SendAsync(_client, () => Request(endpoint, body, credentials, region), _call, _context.Time, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw Ec2Errors.From(answer, _call, region);
        }

        try
        {
            return Ec2ResponseParser.Parse(answer.Body);
        }
        catch (FormatException ex)
        {
            throw new DiscoveryException($"aws: {DiscoveryHttp.Describe(endpoint)} did not return a DescribeInstances response: {ex.Message}; check {Setting}endpoint", ex);
        }
    }

    private HttpRequestMessage Request(Uri endpoint, byte[] body, ImmutableCredentials credentials, string region)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", SigV4Signer.FormContentType);
        foreach (var (name, value) in SigV4Signer.Sign(endpoint, body, credentials, region, "ec2", _context.Time.GetUtcNow()))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private async Task<ImmutableCredentials> CredentialsAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var credentials = await _credentials(linked.Token).ConfigureAwait(false);
            return credentials is { AccessKey.Length: > 0, SecretKey.Length: > 0 }
                ? credentials
                : throw new DiscoveryException($"aws: the credential chain returned an empty access key or secret; checked {AwsCredentialChain.SourcesChecked}");
        }
        catch (Exception ex) when (ex is not DiscoveryException && !cancellationToken.IsCancellationRequested)
        {
            throw new DiscoveryException(
                $"aws: no usable AWS credentials ({ex.Message.Trim()}); checked {AwsCredentialChain.SourcesChecked}. " +
                "Attach an IAM role allowing ec2:DescribeInstances to the instance or task, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", ex);
        }
    }

    private string Region()
    {
        var region = _options.Region.Length > 0 ? _options.Region : _environment("AWS_REGION") is { Length: > 0 } r ? r : _environment("AWS_DEFAULT_REGION");
        return string.IsNullOrWhiteSpace(region)
            ? throw new DiscoveryException($"aws: no region: set {Setting}region (e.g. \"eu-west-1\"), or AWS_REGION / AWS_DEFAULT_REGION")
            : region.Trim();
    }

    private Uri Endpoint(string region) =>
        Uri.TryCreate(_options.Endpoint.Length > 0 ? _options.Endpoint : $"https://ec2.{region}.amazonaws.com", UriKind.Absolute, out var uri)
            ? uri
            : throw new DiscoveryException($"aws: \"{_options.Endpoint}\" (or region \"{region}\") does not form an endpoint URL; set {Setting}endpoint or {Setting}region");

    private int PortOf(Ec2Instance instance, int fallback) =>
        _options.PortTag.Length > 0 && instance.Tags.TryGetValue(_options.PortTag, out var text) && int.TryParse(text, out var port) && port is > 0 and <= 65535
            ? port
            : fallback;
}
