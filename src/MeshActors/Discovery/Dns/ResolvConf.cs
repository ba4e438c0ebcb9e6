using System.Globalization;
using System.Net;

namespace MeshActors.Discovery.Dns;

/// <summary>
/// What the dns provider reads from <c>/etc/resolv.conf</c> (resolv.conf(5)) when no server is
/// configured: the <c>nameserver</c> lines (port 53), the search list (<c>search</c>, or
/// <c>domain</c>; the last of the two wins) and <c>options ndots:N timeout:N attempts:N</c>.
/// DnsClient finds servers itself but applies no search list or ndots, so this stays hand-written.
/// Other lines and options are ignored, as are lines that do not parse (each is listed in
/// <see cref="Problems"/>).
/// </summary>
/// <param name="Nameservers">The servers in file order.</param>
/// <param name="Search">The domains tried after (or before, see <see cref="Ndots"/>) a name as given.</param>
/// <param name="Ndots">From <c>options ndots:N</c> (capped at 15 as glibc does): a name with at
/// least this many dots is tried as given first; 1 when the file does not say.</param>
/// <param name="Timeout">The per-attempt timeout from <c>options timeout:N</c> (capped at 30 s as
/// glibc does), or null when the file does not say.</param>
/// <param name="Attempts">The tries per server from <c>options attempts:N</c> (capped at 5), or null.</param>
/// <param name="Problems">Lines that were ignored because they did not parse, in words.</param>
internal sealed record ResolvConf(
    IReadOnlyList<IPEndPoint> Nameservers, IReadOnlyList<string> Search, int Ndots, TimeSpan? Timeout, int? Attempts, IReadOnlyList<string> Problems)
{
    /// <summary>The file the system resolver reads.</summary>
    public const string DefaultPath = "/etc/resolv.conf";

    /// <summary>Parses the text of a resolv.conf file. Never throws.</summary>
    public static ResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var servers = new List<IPEndPoint>();
        var problems = new List<string>();
        IReadOnlyList<string> search = [];
        var ndots = 1;
        TimeSpan? timeout = null;
        int? attempts = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var words = raw.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith('#') || words[0].StartsWith(';'))
            {
                continue;
            }

            switch (words[0])
            {
                case "nameserver" when words.Length >= 2 && IPAddress.TryParse(words[1], out var address):
                    servers.Add(new IPEndPoint(address, 53));
                    break;
                case "nameserver":
                    problems.Add($"line {lineNumber}: \"{raw.Trim()}\" does not name an IP address");
                    break;
                case "search" or "domain":
                    search = words.Skip(1).Select(d => d.TrimEnd('.')).Where(d => d.Length > 0).ToList();
                    break;
                case "options":
                    foreach (var option in words.Skip(1))
                    {
                        if (Number(option, "timeout:", lineNumber, problems) is { } seconds)
                        {
                            timeout = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 30));
                        }
                        else if (Number(option, "attempts:", lineNumber, problems) is { } count)
                        {
                            attempts = Math.Clamp(count, 1, 5);
                        }
                        else if (Number(option, "ndots:", lineNumber, problems) is { } dots)
                        {
                            ndots = Math.Clamp(dots, 0, 15);
                        }
                    }

                    break;
            }
        }

        return new ResolvConf(servers, search, ndots, timeout, attempts, problems);
    }

    /// <summary>Reads and parses a resolv.conf file.</summary>
    /// <exception cref="DiscoveryException">The file is missing or unreadable, or names no server.</exception>
    public static ResolvConf Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DiscoveryException(
                $"no DNS servers: cannot read {path} ({ex.Message}); set the server explicitly as ip:port", ex);
        }

        var conf = Parse(text);
        if (conf.Nameservers.Count == 0)
        {
            var problems = conf.Problems.Count == 0 ? "" : $" ({string.Join("; ", conf.Problems)})";
            throw new DiscoveryException(
                $"no DNS servers: {path} has no usable nameserver line{problems}; add one, or set the server explicitly as ip:port");
        }

        return conf;
    }

    /// <summary>The names to ask for, in order (glibc's res_search): a name with at least
    /// <see cref="Ndots"/> dots as given first and then with each search domain; a shorter one
    /// with each search domain first and then as given.</summary>
    public IReadOnlyList<string> Candidates(string name)
    {
        var searched = Search.Select(domain => $"{name}.{domain}");
        var dots = name.Count(c => c == '.');
        return (dots >= Ndots ? searched.Prepend(name) : searched.Append(name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static int? Number(string option, string prefix, int lineNumber, List<string> problems)
    {
        if (!option.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (int.TryParse(option.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"line {lineNumber}: option \"{option}\" needs a whole number");
        return null;
    }
}
