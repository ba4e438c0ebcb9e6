using System.Text;
using System.Text.Unicode;

namespace MeshActors.Dns;

/// <summary>
/// Domain names as text. A name is its labels joined by '.', without a trailing dot ("" is the
/// root). Labels are shown as UTF-8 when they are valid UTF-8 (DNS-SD instance names such as
/// "Living Room._meshactors._tcp.local" hold spaces and any Unicode); a '.' or '\' inside a label
/// is written "\." or "\\", and control characters and bytes that are not UTF-8 as "\DDD"
/// (three decimal digits, RFC 1035 §5.1). Names compare case-insensitively: use <see cref="Equal"/>.
/// </summary>
public static class DnsName
{
    /// <summary>At most this many bytes of a name on the wire, length octets and the root included (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>At most this many bytes in one label.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Whether two names are the same name: ASCII letters compare case-insensitively, a
    /// trailing dot is ignored, and escapes compare by the bytes they stand for.</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (!TryParseLabels(a, out var left, out _) || !TryParseLabels(b, out var right, out _))
        {
            return string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AsciiEqualIgnoreCase(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name built from labels given as plain text, escaping each label's '.' and '\';
    /// e.g. <c>FromLabels("node 1.rack 2", "_meshactors", "_tcp", "local")</c>.</summary>
    public static string FromLabels(params IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var text = new StringBuilder();
        foreach (var label in labels)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            AppendLabel(text, Encoding.UTF8.GetBytes(label));
        }

        return text.ToString();
    }

    /// <summary>The labels of <paramref name="name"/> as plain text (escapes undone; bytes that are
    /// not UTF-8 become U+FFFD). The first label of a DNS-SD instance name is the instance.</summary>
    /// <exception cref="ArgumentException">The name is not a valid domain name.</exception>
    public static IReadOnlyList<string> Labels(string name) =>
        ParseLabels(name).Select(l => Encoding.UTF8.GetString(l)).ToList();

    /// <summary>The labels of a name as bytes, checked against the wire limits.</summary>
    /// <exception cref="ArgumentException">An empty label, a label over 63 bytes, a name over 255 bytes, or a bad escape.</exception>
    internal static List<byte[]> ParseLabels(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TryParseLabels(name, out var labels, out var error))
        {
            throw new ArgumentException($"'{name}' is not a valid domain name: {error}", nameof(name));
        }

        return labels;
    }

    /// <summary>Appends one label in presentation form.</summary>
    internal static void AppendLabel(StringBuilder text, ReadOnlySpan<byte> label)
    {
        if (Utf8.IsValid(label))
        {
            foreach (var rune in Encoding.UTF8.GetString(label).EnumerateRunes())
            {
                if (rune.Value is '.' or '\\')
                {
                    text.Append('\\').Append((char)rune.Value);
                }
                else if (rune.Value < 0x20 || rune.Value == 0x7F)
                {
                    text.Append('\\').Append(rune.Value.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(rune.ToString());
                }
            }

            return;
        }

        foreach (var b in label)
        {
            if (b is (byte)'.' or (byte)'\\')
            {
                text.Append('\\').Append((char)b);
            }
            else if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool TryParseLabels(string name, out List<byte[]> labels, out string error)
    {
        labels = [];
        error = "";
        if (name.Length == 0 || name == ".")
        {
            return true;
        }

        var current = new List<byte>();
        var wireLength = 1;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (!EndLabel(labels, current, ref wireLength, out error))
                {
                    return false;
                }

                if (i == name.Length - 1)
                {
                    return true;
                }

                continue;
            }

            if (c == '\\')
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    var value = ((name[i + 1] - '0') * 100) + ((name[i + 2] - '0') * 10) + (name[i + 3] - '0');
                    if (value > 255)
                    {
                        error = $"escape \\{name.Substring(i + 1, 3)} is above 255";
                        return false;
                    }

                    current.Add((byte)value);
                    i += 3;
                    continue;
                }

                if (i + 1 >= name.Length)
                {
                    error = "it ends with a lone '\\'";
                    return false;
                }

                i++;
                c = name[i];
            }

            if (!Rune.TryGetRuneAt(name, i, out var rune))
            {
                error = $"it holds a lone surrogate at character {i}";
                return false;
            }

            var count = rune.EncodeToUtf8(utf8);
            for (var k = 0; k < count; k++)
            {
                current.Add(utf8[k]);
            }

            i += rune.Utf16SequenceLength - 1;
        }

        return EndLabel(labels, current, ref wireLength, out error);
    }

    private static bool EndLabel(List<byte[]> labels, List<byte> current, ref int wireLength, out string error)
    {
        error = "";
        if (current.Count == 0)
        {
            error = "it has an empty label (two dots in a row, or a leading dot)";
            return false;
        }

        if (current.Count > MaxLabelLength)
        {
            error = $"label {labels.Count + 1} is {current.Count} bytes; at most {MaxLabelLength} are allowed";
            return false;
        }

        wireLength += 1 + current.Count;
        if (wireLength > MaxWireLength)
        {
            error = $"it is longer than {MaxWireLength} bytes on the wire";
            return false;
        }

        labels.Add([.. current]);
        current.Clear();
        return true;
    }

    private static bool AsciiEqualIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (ToLowerAscii(a[i]) != ToLowerAscii(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static byte ToLowerAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
}
