using System.Xml;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using MeshActors.Discovery.Http;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// The provider's <see cref="AmazonEC2Client"/>: configured from <c>region</c>, <c>endpoint</c>
/// and <c>ca</c>, created on the first run once credentials resolve (so a missing role or CA
/// file fails that run with a clear message, not the node's start, and the next run tries
/// again), and each call bounded by <c>request-timeout</c> with AWS errors mapped by
/// <see cref="Ec2Errors"/>.
/// </summary>
internal sealed class Ec2Client : IDisposable
{
    private const string Setting = "meshactors.discovery.aws.";
    private readonly AwsDiscoveryOptions _options;
    private readonly AWSCredentials? _credentials;
    private readonly TimeProvider _time;
    private readonly DefaultAWSCredentialsIdentityResolver _chain = new();
    private readonly Lock _lock = new();
    private AmazonEC2Client? _client;
    private HttpMessageHandler? _handler;
    private bool _disposed;

    /// <param name="options">The settings.</param>
    /// <param name="credentials">Fixed credentials; null: the standard AWS chain.</param>
    /// <param name="time">The clock of the per-call deadlines.</param>
    public Ec2Client(AwsDiscoveryOptions options, AWSCredentials? credentials, TimeProvider time)
    {
        _options = options;
        _credentials = credentials;
        _time = time;
    }

    /// <summary>The region for messages and logs.</summary>
    public string RegionName => _options.Region.Length > 0 ? _options.Region : _client?.Config.RegionEndpoint?.SystemName ?? "the endpoint's region";

    /// <summary>The client, created on first success.</summary>
    /// <exception cref="DiscoveryException">No credentials, no region, an unreadable CA file, or the provider was disposed.</exception>
    public async Task<AmazonEC2Client> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                throw Disposed();
            }

            if (_client is not null)
            {
                return _client;
            }
        }

        var config = Config();
        var credentials = _credentials ?? await ResolveAsync(config, cancellationToken).ConfigureAwait(false);
        var handler = TrustedCaHandler.Create(_options.Ca, "aws", Setting + "ca");
        config.HttpClientFactory = new HandlerHttpClientFactory(handler);
        AmazonEC2Client created;
        try
        {
            created = new AmazonEC2Client(credentials, config);
        }
        catch (AmazonClientException ex)
        {
            handler.Dispose();
            throw Ec2Errors.NoRegion(ex);
        }

        lock (_lock)
        {
            if (!_disposed && _client is null)
            {
                (_client, _handler) = (created, handler);
                return created;
            }
        }

        created.Dispose();
        handler.Dispose();
        return _client ?? throw Disposed();
    }

    /// <summary>One DescribeInstances page within <c>request-timeout</c> (the SDK's own retries included).</summary>
    /// <exception cref="DiscoveryException">EC2 refused, the endpoint failed, or no answer in time.</exception>
    public async Task<DescribeInstancesResponse> DescribeAsync(AmazonEC2Client client, DescribeInstancesRequest request, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await client.DescribeInstancesAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DiscoveryException($"aws: DescribeInstances at {Ec2Errors.Describe(client)} did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s; check {Setting}endpoint and {Setting}region and that EC2 is reachable from here, or raise {Setting}request-timeout");
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or XmlException or FormatException)
        {
            throw Ec2Errors.From(ex, client, RegionName);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _client?.Dispose();
            _handler?.Dispose();
            _chain.Dispose();
        }
    }

    private static DiscoveryException Disposed() => new("aws: the provider was disposed (the node is stopping)");

    // endpoint is the service URL; region names the endpoint, or signs for a given one.
    private AmazonEC2Config Config()
    {
        var config = new AmazonEC2Config();
        if (_options.Endpoint.Length > 0)
        {
            config.ServiceURL = _options.Endpoint;
            if (_options.Region.Length > 0)
            {
                config.AuthenticationRegion = _options.Region;
            }
        }
        else if (_options.Region.Length > 0)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(_options.Region);
        }

        return config;
    }

    private async Task<AWSCredentials> ResolveAsync(AmazonEC2Config config, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await _chain.ResolveIdentityAsync(config, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Ec2Errors.NoCredentials(ex);
        }
    }
}
