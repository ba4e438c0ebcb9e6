using System.Globalization;
using System.Text;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// The names tried after a conflict (RFC 6762 §9, RFC 6763 §4.1): the instance label gets a
/// numbered suffix in the DNS-SD style, <c>node-1 (2)</c>, <c>node-1 (3)</c>, …; the host label,
/// which must stay a host name, <c>node-1-2</c>, <c>node-1-3</c>, …. The number counts attempts
/// from the original label, so a label that already ends in a number is never misread. The
/// original label is cut so the result fits one 63-byte label. Pure.
/// </summary>
internal static class MdnsNames
{
    /// <summary>The instance label for attempt <paramref name="attempt"/> (1 is the original).</summary>
    public static string Instance(string original, int attempt) =>
        attempt <= 1 ? original : Fit(original, string.Create(CultureInfo.InvariantCulture, $" ({attempt})"));

    /// <summary>The host label for attempt <paramref name="attempt"/> (1 is the original).</summary>
    public static string Host(string original, int attempt) =>
        attempt <= 1 ? original : Fit(original, string.Create(CultureInfo.InvariantCulture, $"-{attempt}"));

    private static string Fit(string original, string suffix)
    {
        var keep = original;
        while (keep.Length > 0 && Encoding.UTF8.GetByteCount(keep) + suffix.Length > MeshActors.Dns.DnsName.MaxLabelLength)
        {
            keep = keep[..^(char.IsLowSurrogate(keep[^1]) && keep.Length > 1 ? 2 : 1)];
        }

        return keep + suffix;
    }
}
