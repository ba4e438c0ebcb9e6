using System.Collections.Immutable;
using System.Net;

namespace MeshActors.Views.Limits;

/// <summary>
/// Address ranges whose peers are never counted against a per-subnet limit nor refused by it; by
/// default loopback (<c>127.0.0.0/8</c>, <c>::1/128</c>) and the name <c>localhost</c>, so a cluster of
/// several nodes on one machine is not limited. Host names other than those listed are never exempt
/// (they are not resolved here).
/// </summary>
public sealed class SubnetExemptions
{
    private readonly ImmutableArray<(IPAddress Network, int Prefix)> _ranges;
    private readonly ImmutableHashSet<string> _names;

    private SubnetExemptions(ImmutableArray<(IPAddress, int)> ranges, ImmutableHashSet<string> names, ImmutableArray<string> text)
    {
        _ranges = ranges;
        _names = names;
        Ranges = text;
    }

    /// <summary>The default exemptions: <c>127.0.0.0/8</c>, <c>::1/128</c> and <c>localhost</c>.</summary>
    public static SubnetExemptions Loopback { get; } = Create(["127.0.0.0/8", "::1/128", "localhost"]);

    /// <summary>No exemptions.</summary>
    public static SubnetExemptions None { get; } = Create([]);

    /// <summary>The ranges and names as given.</summary>
    public ImmutableArray<string> Ranges { get; }

    /// <summary>Exemptions from CIDR ranges (<c>10.0.0.0/8</c>, <c>fd00::/8</c>; a bare address is a
    /// single host) and host names (compared case-insensitively).</summary>
    /// <exception cref="ArgumentException">Naming every entry that is neither a range nor a host name.</exception>
    public static SubnetExemptions Create(IEnumerable<string> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var list = ranges.ToImmutableArray();
        var parsed = ImmutableArray.CreateBuilder<(IPAddress, int)>();
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var bad = new List<string>();
        foreach (var entry in list)
        {
            var slash = entry?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            var address = slash < 0 ? entry : entry![..slash];
            if (entry is not null && SubnetKey.TryParseIp(address!, out var ip))
            {
                var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
                if (slash < 0)
                {
                    parsed.Add((ip, max));
                }
                else if (int.TryParse(entry.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) && prefix <= max)
                {
                    parsed.Add((ip, prefix));
                }
                else
                {
                    bad.Add(entry);
                }
            }
            else if (entry is { Length: > 0 } && slash < 0 && Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                names.Add(entry.TrimEnd('.'));
            }
            else
            {
                bad.Add(entry ?? "null");
            }
        }

        return bad.Count == 0
            ? new(parsed.ToImmutable(), names.ToImmutable(), list)
            : throw new ArgumentException($"not an address range (such as 10.0.0.0/8 or fd00::/8) or a host name: {string.Join(", ", bad.Select(b => "\"" + b + "\""))}", nameof(ranges));
    }

    /// <summary>Whether <paramref name="host"/> (an IP literal or a host name) is exempt.</summary>
    public bool IsExempt(string host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (!SubnetKey.TryParseIp(host, out var ip))
        {
            return _names.Contains(host.TrimEnd('.'));
        }

        var bytes = ip.GetAddressBytes();
        foreach (var (network, prefix) in _ranges)
        {
            if (network.AddressFamily == ip.AddressFamily && SamePrefix(network.GetAddressBytes(), bytes, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SamePrefix(byte[] a, byte[] b, int bits)
    {
        var whole = bits / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(b.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = bits % 8;
        var mask = (byte)(0xFF << (8 - rest));
        return rest == 0 || (a[whole] & mask) == (b[whole] & mask);
    }
}
