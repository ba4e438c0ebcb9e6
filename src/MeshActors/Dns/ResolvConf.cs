using System.Globalization;
using System.Net;

namespace MeshActors.Dns;

/// <summary>
/// What MeshActors reads from <c>/etc/resolv.conf</c> (resolv.conf(5)): the <c>nameserver</c>
/// lines (port 53) and <c>options timeout:N attempts:N</c>. Other lines and options are ignored,
/// as are lines that do not parse (each is listed in <see cref="Problems"/>).
/// </summary>
/// <param name="Nameservers">The servers in file order.</param>
/// <param name="Timeout">The per-attempt timeout from <c>options timeout:N</c> (capped at 30 s as
/// glibc does), or null when the file does not say.</param>
/// <param name="Attempts">The rounds over all servers from <c>options attempts:N</c> (capped at 5), or null.</param>
/// <param name="Problems">Lines that were ignored because they did not parse, in words.</param>
public sealed record ResolvConf(IReadOnlyList<IPEndPoint> Nameservers, TimeSpan? Timeout, int? Attempts, IReadOnlyList<string> Problems)
{
    /// <summary>The file the system resolver reads.</summary>
    public const string DefaultPath = "/etc/resolv.conf";

    /// <summary>Parses the text of a resolv.conf file. Never throws.</summary>
    public static ResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var servers = new List<IPEndPoint>();
        var problems = new List<string>();
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
                    }

                    break;
            }
        }

        return new ResolvConf(servers, timeout, attempts, problems);
    }

    /// <summary>Reads and parses a resolv.conf file.</summary>
    /// <exception cref="DnsQueryException">The file is missing or unreadable, or names no server.</exception>
    public static ResolvConf Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DnsQueryException(DnsFailure.NoServers,
                $"no DNS servers: cannot read {path} ({ex.Message}); set the server explicitly as ip:port");
        }

        var conf = Parse(text);
        if (conf.Nameservers.Count == 0)
        {
            var problems = conf.Problems.Count == 0 ? "" : $" ({string.Join("; ", conf.Problems)})";
            throw new DnsQueryException(DnsFailure.NoServers,
                $"no DNS servers: {path} has no usable nameserver line{problems}; add one, or set the server explicitly as ip:port");
        }

        return conf;
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
