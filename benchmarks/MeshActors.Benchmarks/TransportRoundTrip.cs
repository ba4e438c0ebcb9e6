using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MeshActors.Security;
using MeshActors.Transport;
using MeshActors.Transport.Http2;
using MeshActors.Transport.Wire;

namespace MeshActors.Benchmarks;

/// <summary>
/// Request/response between two transports on loopback, mutual TLS 1.3 (or --insecure): round-trip
/// percentiles one request at a time, then pairs per second with many requests in flight. The
/// anchor, in the same run, is a raw TCP echo of 16 bytes over loopback with the same patterns:
/// what the machine and kernel cost before any protocol.
/// </summary>
internal static class TransportRoundTrip
{
    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new BenchmarkArgs(raw);
        var requests = (int)args.Get("requests", 20_000);
        var concurrency = (int)args.Get("concurrency", 64);
        var seconds = (int)args.Get("seconds", 10);
        var insecure = args.Has("insecure");

        using var ca = CertificateAuthority.Create("bench", TimeProvider.System, TimeSpan.FromDays(2));
        await using var server = await StartAsync("server", ca, insecure);
        await using var client = await StartAsync("client", ca, insecure);
        var to = server.LocalAddress;

        var latency = await MeasureLatencyAsync(requests, () => client.RequestAsync(to, new Probe { Sequence = 1 }, TimeSpan.FromSeconds(10)));
        var throughput = await MeasureThroughputAsync(concurrency, seconds, () => client.RequestAsync(to, new Probe { Sequence = 1 }, TimeSpan.FromSeconds(10)));

        using var echo = new TcpEcho();
        var anchorLatency = await MeasureLatencyAsync(requests, echo.RoundTripAsync);
        var anchorThroughput = await echo.ThroughputAsync(concurrency, seconds);

        Console.WriteLine($"transport={(insecure ? "h2c (TLS off)" : "HTTP/2 + mutual TLS 1.3")} requests={requests} concurrency={concurrency} seconds={seconds}");
        Console.WriteLine($"round trip: p50={latency.P50:F1} us p99={latency.P99:F1} us p99.9={latency.P999:F1} us");
        Console.WriteLine($"throughput: {throughput:N0} request/response pairs/s");
        Console.WriteLine($"anchor (raw TCP echo): p50={anchorLatency.P50:F1} us p99={anchorLatency.P99:F1} us, {anchorThroughput:N0} pairs/s");
        Console.WriteLine($"ratio to anchor: p50 {latency.P50 / anchorLatency.P50:F1}x, p99 {latency.P99 / anchorLatency.P99:F1}x, throughput {throughput / anchorThroughput:F3}");
        return 0;
    }

    private static async Task<Http2Transport> StartAsync(string nodeId, CertificateAuthority ca, bool insecure)
    {
        IPeerTls? tls = null;
        if (!insecure)
        {
            var certificate = NodeCertificateIssuer.Issue(ca, "bench", nodeId, TimeProvider.System, TimeSpan.FromDays(1), ["localhost"], [IPAddress.Loopback]);
            tls = new BenchTls(certificate, new PeerCertificateValidator([ca.Certificate], TimeProvider.System));
        }

        var transport = new Http2Transport(new Http2TransportOptions { NodeId = nodeId, ClusterId = "bench", ListenHost = "127.0.0.1", ListenPort = 0, Tls = tls, InboundRatePerPeer = 10_000_000, InboundBurstPerPeer = 1_000_000 });
        await transport.StartAsync(m => m.Reply?.Invoke(new ProbeReply { Sequence = ((Probe)m.Message).Sequence }));
        return transport;
    }

    private static async Task<(double P50, double P99, double P999)> MeasureLatencyAsync(int count, Func<Task> roundTrip)
    {
        for (var i = 0; i < Math.Min(count, 5_000); i++)
        {
            await roundTrip();
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await roundTrip();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return (samples[count / 2], samples[(int)(count * 0.99)], samples[(int)(count * 0.999)]);
    }

    private static async Task<double> MeasureThroughputAsync(int concurrency, int seconds, Func<Task> roundTrip)
    {
        long done = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < until)
            {
                await roundTrip();
                Interlocked.Increment(ref done);
            }
        }));
        return done / watch.Elapsed.TotalSeconds;
    }

    private sealed class BenchTls(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, PeerCertificateValidator validator) : IPeerTls
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2 CurrentCertificate => certificate;

        public CertificateVerdict Verify(System.Security.Cryptography.X509Certificates.X509Certificate2? presented)
        {
            var result = validator.Check(presented, null, "bench", null);
            return new CertificateVerdict(ClusterPeerTls.Reason(result.Problem), result.Detail, result.NodeId, result.Fingerprint);
        }

        public string Fingerprint(System.Security.Cryptography.X509Certificates.X509Certificate2 presented) => PublicKeyFingerprint.Of(presented);
    }
}
