using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Dns;

/// <summary>
/// Contact points from DNS: the targets of an SRV name (with their priority and weight) and the
/// A/AAAA addresses of a host name on a configured port, asked through DnsClient's
/// <c>LookupClient</c> (see <see cref="DnsResolver"/>). The result is valid for the smallest TTL
/// among the records used, so seeds that rotate in DNS are picked up at the next refresh.
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
    private DnsResolver? explicitServer;

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

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lookup = new DnsLookup(CreateResolver(), logger, cancellationToken);
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
        catch (DnsLookupException ex)
        {
            var hint = ex.Failure switch
            {
                DnsLookupFailure.NameNotFound or DnsLookupFailure.Refused => $"check {Settings}{setting} (and {Settings}server)",
                DnsLookupFailure.Timeout => $"check {Settings}server (does it run and is it reachable?), {Settings}timeout and {Settings}attempts",
                _ => $"check {Settings}server, {Settings}timeout and {Settings}attempts",
            };
            errors.Add($"{ProviderName}: {ex.Message}; {hint}");
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{ProviderName}: {ex.Message}; check {Settings}{setting}");
        }
    }

    /// <summary>One resolver for an explicit server, kept for the provider's life; for the system
    /// resolvers a new one per run, so a changed resolv.conf is read at the next run.</summary>
    private DnsResolver CreateResolver()
    {
        try
        {
            if (explicitServer is not null)
            {
                return explicitServer;
            }

            var resolver = DnsResolver.For(options.Server, options.Timeout, options.Attempts, resolvConfPath, logger);
            if (options.Server.Length > 0)
            {
                explicitServer = resolver;
            }

            return resolver;
        }
        catch (DiscoveryException ex)
        {
            throw new DiscoveryException($"{ProviderName}: {ex.Message} ({Settings}server)", ex);
        }
        catch (FormatException ex)
        {
            throw new DiscoveryException($"{ProviderName}: {ex.Message} ({Settings}server)", ex);
        }
    }
}
