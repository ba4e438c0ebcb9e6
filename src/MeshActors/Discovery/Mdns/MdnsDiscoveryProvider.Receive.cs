using System.Net;
using System.Net.Sockets;
using MeshActors.Diagnostics;
using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>The receive loop: rate-limits, decodes, merges responses into the cache and answers queries.</summary>
public sealed partial class MdnsDiscoveryProvider
{
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);
    private MdnsInboundLimiter? _limiter;

    /// <summary>Inbound packets dropped over <c>max-packets-per-second</c> so far.</summary>
    internal long DroppedPackets => _limiter?.Dropped ?? 0;

    /// <summary>New service instances ignored because the browse cache was full.</summary>
    internal long CacheDrops
    {
        get
        {
            lock (_cache)
            {
                return _cache.Dropped;
            }
        }
    }

    /// <summary>Service instances in the browse cache now (any cluster, complete or not).</summary>
    internal int CachedInstances
    {
        get
        {
            lock (_cache)
            {
                return _cache.Count;
            }
        }
    }

    private async Task ReceiveLoopAsync(MdnsSocket socket, CancellationToken stopping)
    {
        var buffer = new byte[9000];
        var time = _context.Time;
        var limiter = _limiter = new MdnsInboundLimiter(_options.MaxPacketsPerSecond, DropReportInterval, time.GetTimestamp(), time.TimestampFrequency);
        long cacheDropsReported = 0, lastCacheReport = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var (length, from, nic) = await socket.ReceiveAsync(buffer, stopping).ConfigureAwait(false);
                var now = time.GetTimestamp();
                if (limiter.TakeReport(now) is > 0 and var dropped)
                {
                    MeshLog.MdnsPacketsDropped(_log, dropped, _options.MaxPacketsPerSecond);
                }

                if (nic is null || !limiter.TryAccept(now))
                {
                    continue;
                }

                var decoded = DnsCodec.Decode(buffer.AsSpan(0, length));
                if (decoded.Message is not { } message || decoded.Error is not null && message.IsResponse)
                {
                    MeshLog.MdnsMalformedPacket(_log, from.ToString(), decoded.Error ?? "no message");
                    continue;
                }

                Observe(socket, message);
                if (message.IsResponse)
                {
                    lock (_cache)
                    {
                        _cache.Merge(message, nic.Name, time.GetUtcNow());
                        if (_cache.Dropped > cacheDropsReported && (cacheDropsReported == 0 || now - lastCacheReport >= DropReportInterval.TotalSeconds * time.TimestampFrequency))
                        {
                            (cacheDropsReported, lastCacheReport) = (_cache.Dropped, now);
                            MeshLog.MdnsCacheFull(_log, _options.MaxPeers, cacheDropsReported);
                        }
                    }
                }
                else
                {
                    await AnswerAsync(socket, nic, message, from, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MeshLog.MdnsReceiveFailed(_log, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, stopping).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task AnswerAsync(MdnsSocket socket, MdnsInterface nic, DnsMessage query, IPEndPoint from, CancellationToken cancellationToken)
    {
        if (Owned() is not { } advertisement)
        {
            return;
        }

        var legacy = from.Port != MdnsSocket.Port;
        var response = MdnsResponder.Answer(query, advertisement.Records(nic, advertisement.Ttl), legacy);
        if (response is not null)
        {
            var unicast = legacy || query.Questions.Any(q => q.UnicastResponse);
            await SendAsync(socket, nic, response, unicast ? from : null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(MdnsSocket socket, MdnsInterface nic, DnsMessage message, IPEndPoint? to, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(DnsCodec.Encode(message), nic, to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            MeshLog.MdnsSendFailed(_log, nic.Name, ex.Message);
        }
    }
}
