using System.Globalization;
using System.Text;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>One resolved line of <c>avahi-browse -rp</c>:
/// <c>=;lo;IPv4;node-1;_meshactors._tcp;local;peer-a.local;127.0.0.1;7946;"ver=1" "id=node-1"</c>.
/// avahi escapes the instance name (a space is <c>\032</c>); <see cref="Name"/> is unescaped.</summary>
internal sealed record AvahiBrowseLine(string Name, string Host, string Address, int Port, IReadOnlySet<string> Txt)
{
    /// <summary>The resolved entry, or null for any other line (new, removed, stderr).</summary>
    public static AvahiBrowseLine? TryParse(string line)
    {
        var fields = line.Split(';');
        if (fields.Length < 10 || fields[0] != "=")
        {
            return null;
        }

        var txt = string.Join(';', fields[9..]).Split("\" \"").Select(t => t.Trim('"')).Where(t => t.Length > 0).ToHashSet();
        return new AvahiBrowseLine(Unescape(fields[3]), fields[6], fields[7], int.Parse(fields[8], CultureInfo.InvariantCulture), txt);
    }

    private static string Unescape(string name)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\' && i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]))
            {
                bytes.Add(byte.Parse(name.AsSpan(i + 1, 3), CultureInfo.InvariantCulture));
                i += 3;
            }
            else if (name[i] == '\\' && i + 1 < name.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(name[++i].ToString()));
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(name[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
