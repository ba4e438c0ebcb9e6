using MeshActors.Diagnostics;
using MeshActors.Dns;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Dns;

/// <summary>
/// Contact points from DNS: the targets of an SRV name (with their priority and weight) and the
/// A/AAAA addresses of a host name on a configured port. The result is valid for the smallest
/// TTL among the records used, so seeds that rotate in DNS are picked up at the next refresh.
/// </summary>
public sealed class DnsDiscoveryProvider : IDiscoveryProvider
{
    /// <summary>The provider's name.</summary>
    public const string ProviderName = "dns";

    private const string Settings = "meshactors.discovery.dns.";

    private readonly DnsDiscoveryOptions options;
    private readonly DiscoveryContext context;
    private readonly ILogger logger;
    private readonly string resolvConfPath;
    private MeshActors.Dns.DnsClient? explicitClient;

    /// <summary>Creates the provider.</summary>
    public DnsDiscoveryProvider(DnsDiscoveryOptions options, DiscoveryContext context)
        : this(options, context, ResolvConf.DefaultPath)
    {
    }

    internal DnsDiscoveryProvider(DnsDiscoveryOptions options, DiscoveryContext context, string resolvConfPath)
    {
        this.options = options;
        this.context = context;
        this.resolvConfPath = resolvConfPath;
        logger = context.LoggerFactory.CreateLogger<DnsDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => ProviderName;

    /// <summary>The client of the last run, for tests (its <see cref="MeshActors.Dns.DnsClient.Stats"/> show whether TCP was used).</summary>
    internal MeshActors.Dns.DnsClient? LastClient { get; private set; }

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var client = CreateClient();
        var lookup = new DnsLookup(client, logger, cancellationToken);
        var errors = new List<string>();
        if (options.Srv.Length > 0)
        {
            await Collect(() => lookup.SrvAsync(options.Srv), "srv", errors).ConfigureAwait(false);
        }

        if (options.Host.Length > 0)
        {
            var port = options.Port == 0 ? context.LocalAddress.Port : options.Port;
            await Collect(() => lookup.HostAsync(options.Host, port), "host", errors).ConfigureAwait(false);
        }

        if (errors.Count > 0 && lookup.ContactPoints.Count == 0)
        {
            throw new DiscoveryException(string.Join("; ", errors));
        }

        foreach (var error in errors)
        {
            MeshLog.DnsDiscoveryProblem(logger, error);
        }

        var result = new DiscoveryResult(lookup.ContactPoints, lookup.SmallestTtl is { } ttl ? TimeSpan.FromSeconds(ttl) : null);
        MeshLog.DnsDiscovered(logger, result.ContactPoints.Count, result.ValidFor?.TotalSeconds ?? options.RefreshInterval.TotalSeconds);
        return result;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task Collect(Func<Task> lookup, string setting, List<string> errors)
    {
        try
        {
            await lookup().ConfigureAwait(false);
        }
        catch (DnsQueryException ex)
        {
            var hint = ex.Failure is DnsFailure.NameNotFound or DnsFailure.Refused
                ? $"check {Settings}{setting} (and {Settings}server)"
                : $"check {Settings}server, {Settings}timeout and {Settings}attempts";
            errors.Add($"{ProviderName}: {ex.Message}; {hint}");
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{ProviderName}: {ex.Message}; check {Settings}{setting}");
        }
    }

    private MeshActors.Dns.DnsClient CreateClient()
    {
        try
        {
            if (explicitClient is not null)
            {
                return LastClient = explicitClient;
            }

            var clientOptions = DnsClientOptions.For(options.Server, options.Timeout, options.Attempts, resolvConfPath);
            var client = new MeshActors.Dns.DnsClient(clientOptions, context.Random, context.Time, logger);
            if (options.Server.Length > 0)
            {
                explicitClient = client;
            }

            return LastClient = client;
        }
        catch (DnsQueryException ex)
        {
            throw new DiscoveryException($"{ProviderName}: {ex.Message} ({Settings}server)", ex);
        }
        catch (FormatException ex)
        {
            throw new DiscoveryException($"{ProviderName}: {ex.Message} ({Settings}server)", ex);
        }
    }
}
