using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MeshActors.Discovery;

/// <summary>Where a node accepts connections: a host name or IP address and a TCP port.</summary>
/// <param name="Host">Host name or IP address (IPv6 without brackets).</param>
/// <param name="Port">TCP port, 1 to 65535.</param>
public readonly record struct NodeAddress(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c> or <c>[ipv6]:port</c>.</summary>
    /// <exception cref="FormatException">The text is not an address; the message says what is wrong.</exception>
    public static NodeAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Parses <c>host:port</c> or <c>[ipv6]:port</c>, reporting what is wrong.</summary>
    public static bool TryParse(string? text, out NodeAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "an address is empty; write host:port, e.g. 10.0.0.1:7946";
            return false;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"\"{text}\" has no port; write host:port, e.g. 10.0.0.1:7946";
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            error = $"\"{text}\" looks like an IPv6 address; put it in brackets: [{host}]:port";
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"\"{text}\" has an invalid port; use 1 to 65535";
            return false;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"\"{host}\" in \"{text}\" is neither a host name nor an IP address";
            return false;
        }

        address = new NodeAddress(host, port);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
