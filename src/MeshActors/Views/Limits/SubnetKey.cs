using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MeshActors.Views.Limits;

/// <summary>
/// The network a host belongs to, for counting peers per subnet: the /24 of an IPv4 address
/// (<c>10.1.2.0/24</c>), the /48 of an IPv6 address (<c>2001:db8:1::/48</c>; an IPv4-mapped IPv6
/// address counts as its IPv4 address), and for a host name the name itself, lower-cased and without a
/// trailing dot: a name is not resolved here, so each name is its own subnet.
/// </summary>
public static class SubnetKey
{
    /// <summary>The subnet key of <paramref name="host"/> (an IP literal, optionally in brackets, or a host name).</summary>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty.</exception>
    public static string Of(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (!TryParseIp(host, out var ip))
        {
            return host.TrimEnd('.').ToLowerInvariant();
        }

        var bytes = ip.GetAddressBytes();
        return ip.AddressFamily == AddressFamily.InterNetwork
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24")
            : string.Create(CultureInfo.InvariantCulture, $"{(bytes[0] << 8) | bytes[1]:x}:{(bytes[2] << 8) | bytes[3]:x}:{(bytes[4] << 8) | bytes[5]:x}::/48");
    }

    /// <summary>Parses an IP literal (brackets and an IPv6 zone allowed); an IPv4-mapped IPv6 address becomes IPv4.</summary>
    internal static bool TryParseIp(string host, out IPAddress ip)
    {
        var text = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (!IPAddress.TryParse(text, out var parsed) || (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
        {
            ip = IPAddress.None;
            return false;
        }

        ip = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }
}
