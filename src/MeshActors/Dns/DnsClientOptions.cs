using System.Globalization;
using System.Net;

namespace MeshActors.Dns;

/// <summary>Whom <see cref="DnsClient"/> asks and how patiently.</summary>
public sealed record DnsClientOptions
{
    /// <summary>What EDNS0 advertises by default: the DNS Flag Day 2020 size, which avoids IP fragmentation.</summary>
    public const ushort DefaultEdnsUdpPayloadSize = 1232;

    /// <summary>The servers, asked in order.</summary>
    public required IReadOnlyList<IPEndPoint> Servers { get; init; }

    /// <summary>How long to wait for one server's answer in one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many rounds over all servers before giving up.</summary>
    public int Attempts { get; init; } = 2;

    /// <summary>The UDP payload size the query's OPT record advertises.</summary>
    public ushort EdnsUdpPayloadSize { get; init; } = DefaultEdnsUdpPayloadSize;

    /// <summary>Options for one explicit server, or the system's resolvers when <paramref name="server"/> is empty.</summary>
    /// <param name="server">"" for the nameservers of <paramref name="resolvConfPath"/>, else "ip:port" (IPv6 as "[ip]:port").</param>
    /// <param name="timeout">The per-attempt timeout; resolv.conf's <c>options timeout:N</c> replaces it for system resolvers.</param>
    /// <param name="attempts">The rounds; resolv.conf's <c>options attempts:N</c> replaces it for system resolvers.</param>
    /// <param name="resolvConfPath">The resolv.conf to read for system resolvers.</param>
    /// <exception cref="DnsQueryException">resolv.conf is missing or names no server.</exception>
    /// <exception cref="FormatException"><paramref name="server"/> is not "ip:port".</exception>
    public static DnsClientOptions For(string server, TimeSpan timeout, int attempts, string resolvConfPath = ResolvConf.DefaultPath)
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            return new DnsClientOptions { Servers = [ParseServer(server)], Timeout = timeout, Attempts = attempts };
        }

        var conf = ResolvConf.Load(resolvConfPath);
        return new DnsClientOptions { Servers = conf.Nameservers, Timeout = conf.Timeout ?? timeout, Attempts = conf.Attempts ?? attempts };
    }

    /// <summary>Parses "ip:port" or "[ipv6]:port".</summary>
    /// <exception cref="FormatException">The text is not an IP address and port.</exception>
    public static IPEndPoint ParseServer(string text)
    {
        if (IPEndPoint.TryParse(text.Trim(), out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        throw new FormatException(string.Create(CultureInfo.InvariantCulture,
            $"\"{text}\" is not a DNS server address; write ip:port, e.g. 127.0.0.1:53 or [::1]:53, or \"\" for the system resolvers"));
    }
}
