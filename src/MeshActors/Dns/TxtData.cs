using System.Text;

namespace MeshActors.Dns;

/// <summary>The RDATA of a TXT record: character strings of at most 255 bytes each. Equality
/// compares the bytes.</summary>
/// <param name="Strings">The strings in order. An empty list encodes as one empty string (RFC 6763 §6.1).</param>
public sealed record TxtData(IReadOnlyList<byte[]> Strings) : DnsRecordData
{
    /// <summary>TXT data from <c>key=value</c> attributes (RFC 6763 §6.3); a null value writes a
    /// boolean attribute (the key alone).</summary>
    /// <exception cref="ArgumentException">A key is empty or holds '=', or an attribute exceeds 255 bytes.</exception>
    public static TxtData FromAttributes(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var strings = new List<byte[]>();
        foreach (var (key, value) in attributes)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('=', StringComparison.Ordinal))
            {
                throw new ArgumentException($"TXT attribute key '{key}' must be non-empty and hold no '='", nameof(attributes));
            }

            var bytes = Encoding.UTF8.GetBytes(value is null ? key : key + "=" + value);
            if (bytes.Length > 255)
            {
                throw new ArgumentException($"TXT attribute '{key}' is {bytes.Length} bytes; at most 255 fit in one string", nameof(attributes));
            }

            strings.Add(bytes);
        }

        return new TxtData(strings);
    }

    /// <summary>
    /// The strings read as DNS-SD attributes (RFC 6763 §6.3–6.5): the key is the text before the
    /// first '=', compared case-insensitively; a key without '=' is a boolean attribute (null
    /// value); <c>key=</c> has an empty value; a string that starts with '=' or is empty is
    /// ignored; when a key repeats, the first one wins. Values are read as UTF-8.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ReadAttributes()
    {
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in Strings)
        {
            var equals = Array.IndexOf(s, (byte)'=');
            if (s.Length == 0 || equals == 0)
            {
                continue;
            }

            var key = Encoding.UTF8.GetString(s, 0, equals < 0 ? s.Length : equals);
            var value = equals < 0 ? null : Encoding.UTF8.GetString(s, equals + 1, s.Length - equals - 1);
            attributes.TryAdd(key, value);
        }

        return attributes;
    }

    /// <inheritdoc/>
    public bool Equals(TxtData? other)
    {
        if (other is null || other.Strings.Count != Strings.Count)
        {
            return false;
        }

        for (var i = 0; i < Strings.Count; i++)
        {
            if (!Strings[i].AsSpan().SequenceEqual(other.Strings[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in Strings)
        {
            hash.Add(s.Length);
            hash.AddBytes(s);
        }

        return hash.ToHashCode();
    }
}
