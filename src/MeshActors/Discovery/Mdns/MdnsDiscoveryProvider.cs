using MeshActors.Diagnostics;
using MeshActors.Dns;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// Finds cluster members on the local network with multicast DNS (RFC 6762) and DNS-SD (RFC 6763),
/// and advertises this node the same way: on start it probes for its instance and host names
/// (RFC 6762 §8, <see cref="MdnsProber"/>), renaming them while another host uses them, then
/// announces its records twice, answers queries for them and sends a goodbye on dispose. Browsing keeps a cache of the instances heard; each run
/// sends a PTR query, collects answers for <c>browse-window</c> and returns the instances of this
/// cluster. IPv4 only (224.0.0.251). Off by default; meant for LANs and development.
/// </summary>
public sealed partial class MdnsDiscoveryProvider : IDiscoveryProvider
{
    private readonly MdnsDiscoveryOptions _options;
    private readonly DiscoveryContext _context;
    private readonly Func<string, MdnsSocket> _openSocket;
    private readonly MdnsProber _prober;
    private readonly MdnsBrowseCache _cache;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private MdnsSocket? _socket;
    private Task _background = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the provider; nothing is sent until <see cref="StartAsync"/>.</summary>
    public MdnsDiscoveryProvider(MdnsDiscoveryOptions options, DiscoveryContext context)
        : this(options, context, MdnsSocket.Open)
    {
    }

    /// <summary>Creates the provider with its own way to open the socket (tests open it inside a network namespace).</summary>
    internal MdnsDiscoveryProvider(MdnsDiscoveryOptions options, DiscoveryContext context, Func<string, MdnsSocket> openSocket)
    {
        _options = options;
        _context = context;
        _openSocket = openSocket;
        _prober = new MdnsProber(new MdnsAdvertisement(options, context), context.Random.Split(), context.Time.GetUtcNow());
        _cache = new MdnsBrowseCache(options.ServiceName, options.MaxPeers);
        _log = context.LoggerFactory.CreateLogger<MdnsDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => "mdns";

    /// <summary>Opens the socket and sends the first browse query; probing for this node's names and
    /// announcing them run in the background (about a second when no one else uses the names). A
    /// failure to open is logged and reported by the next <see cref="DiscoverAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscoveryException ex)
        {
            MeshLog.MdnsOpenFailed(_log, ex.Message);
        }
    }

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var socket = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await QueryAsync(socket, cancellationToken).ConfigureAwait(false);
        await Task.Delay(_options.BrowseWindow, _context.Time, cancellationToken).ConfigureAwait(false);
        lock (_cache)
        {
            return new DiscoveryResult(_cache.ContactPoints(_context.ClusterId, _context.NodeId, _context.Time.GetUtcNow()));
        }
    }

    /// <summary>Sends the goodbye (every record with TTL 0), stops answering and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Stop probing and announcing first, so no announcement can follow the goodbye.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_socket is { } socket && Advertised() is { } advertisement)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await AnnounceAsync(socket, advertisement, 0, deadline.Token).ConfigureAwait(false);
            MeshLog.MdnsGoodbye(_log, advertisement.InstanceName);
        }

        _socket?.Dispose();
        await _background.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task<MdnsSocket> OpenAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket is { } open)
            {
                return open;
            }

            var socket = _openSocket(_options.Interface);
            _socket = socket;
            MeshLog.MdnsStarted(_log, InstanceName, _options.ServiceName, string.Join(", ", socket.Interfaces.Select(i => $"{i.Name} ({i.Address})")));
            var receive = Task.Run(() => ReceiveLoopAsync(socket, _stopping.Token), CancellationToken.None);
            var advertise = Task.Run(() => AdvertiseLoopAsync(socket, _stopping.Token), CancellationToken.None);
            _background = Task.WhenAll(receive, advertise);
            await QueryAsync(socket, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        finally
        {
            _openLock.Release();
        }
    }

    private async Task QueryAsync(MdnsSocket socket, CancellationToken cancellationToken)
    {
        List<DnsQuestion> questions = [new(_options.ServiceName, DnsRecordType.PTR)];
        lock (_cache)
        {
            questions.AddRange(_cache.Unresolved().Take(20));
        }

        foreach (var nic in socket.Interfaces)
        {
            await SendAsync(socket, nic, new DnsMessage { Questions = questions }, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
