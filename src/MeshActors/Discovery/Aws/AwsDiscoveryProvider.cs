using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// Finds running EC2 instances through AWSSDK.EC2's <c>DescribeInstances</c> (following
/// <c>NextToken</c> pages): those whose tag <c>tag-key</c> equals the service name and that match
/// <c>filters</c>, as Akka.Discovery.AwsApi's <c>aws-api-ec2-tag-based</c> method does. Each
/// instance's private IP is a contact point once per port of <c>ports</c> (or on its
/// <c>port-tag</c> port). Credentials come from the standard AWS chain.
/// </summary>
public sealed class AwsDiscoveryProvider : IDiscoveryProvider
{
    private const string Setting = "meshactors.discovery.aws.";
    private const int MaxPages = 100;
    private readonly AwsDiscoveryOptions _options;
    private readonly DiscoveryContext _context;
    private readonly string _serviceName;
    private readonly Ec2Client _client;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates the provider for a MeshActors node: the service name is the cluster id
    /// (<see cref="DiscoveryContext.ClusterId"/>); credentials come from the standard AWS chain.</summary>
    public AwsDiscoveryProvider(AwsDiscoveryOptions options, DiscoveryContext context)
        : this(options, context, context.ClusterId, credentials: null)
    {
    }

    /// <summary>Creates the provider for <paramref name="serviceName"/> (an Akka.Discovery
    /// lookup's), with <paramref name="credentials"/> or, when null, the standard AWS chain.</summary>
    internal AwsDiscoveryProvider(AwsDiscoveryOptions options, DiscoveryContext context, string serviceName, AWSCredentials? credentials)
    {
        _options = options;
        _context = context;
        _serviceName = serviceName;
        _client = new Ec2Client(options, credentials, context.Time);
        _logger = context.LoggerFactory.CreateLogger<AwsDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => "aws";

    /// <summary>The DescribeInstances filters every page is asked with: running instances, the
    /// service's tag (unless <c>tag-key</c> is empty), then <c>filters</c> in order.</summary>
    internal List<Filter> Filters()
    {
        var filters = new List<Filter> { new("instance-state-name", ["running"]) };
        if (_options.TagKey.Length > 0)
        {
            filters.Add(new("tag:" + _options.TagKey, [_serviceName]));
        }

        filters.AddRange(_options.FilterList.Select(f => new Filter(f.Name, [.. f.Values])));
        return filters;
    }

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_options.TagKey.Length > 0 && string.IsNullOrWhiteSpace(_serviceName))
        {
            throw new DiscoveryException($"aws: the service name is empty, so no instance can carry the tag {_options.TagKey}; look up a service name (the cluster id), or set {Setting}tag-key = \"\" and select by {Setting}filters");
        }

        var client = await _client.GetAsync(cancellationToken).ConfigureAwait(false);
        var request = new DescribeInstancesRequest { Filters = Filters() };
        var instances = new List<Instance>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        do
        {
            if (++pages > MaxPages || (request.NextToken is { } token && !tokens.Add(token)))
            {
                throw new DiscoveryException($"aws: DescribeInstances kept returning more pages (over {MaxPages}, or a repeated NextToken); narrow {Setting}filters");
            }

            var page = await _client.DescribeAsync(client, request, cancellationToken).ConfigureAwait(false);
            instances.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []));
            request.NextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (request.NextToken is not null);

        var points = instances.Where(IsUsable).SelectMany(ContactPoints).DistinctBy(c => c.Address).ToList();
        MeshLog.AwsDiscovered(_logger, points.Count, pages, _client.RegionName);
        return new DiscoveryResult(points);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // The filter asks for running instances; an answer that has others (or no usable IP) is not trusted.
    private static bool IsUsable(Instance instance) =>
        instance.State?.Name?.Value == InstanceStateName.Running.Value && IPAddress.TryParse(instance.PrivateIpAddress, out _);

    private IEnumerable<ContactPoint> ContactPoints(Instance instance)
    {
        var ip = instance.PrivateIpAddress.Trim();
        var source = $"EC2 {instance.InstanceId} (running{(_options.TagKey.Length > 0 ? $", {_options.TagKey}={_serviceName}" : "")}) → {ip}";
        return PortsOf(instance).Select(port => new ContactPoint(new NodeAddress(ip, port), Name) { Source = source });
    }

    // port-tag wins for its instance; else every port of ports; else the local port (0 for an
    // Akka.Discovery lookup: a target without a port, as Akka's own method answers).
    private IEnumerable<int> PortsOf(Instance instance)
    {
        if (_options.PortTag.Length > 0 &&
            instance.Tags?.FirstOrDefault(t => t.Key == _options.PortTag)?.Value is { } text &&
            int.TryParse(text, out var tagged) && tagged is > 0 and <= 65535)
        {
            return [tagged];
        }

        return _options.Ports.Count > 0 ? _options.Ports.Distinct() : [_context.LocalAddress.Port];
    }
}
