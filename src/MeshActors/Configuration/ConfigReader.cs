using System.Net;
using MeshActors.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>
/// Reads typed settings from a resolved tree and collects every problem instead of stopping at
/// the first, so that one run shows the operator everything to fix (YARP's ConfigValidator idea).
/// Each read returns a usable fallback after recording an error.
/// </summary>
internal sealed class ConfigReader(HoconObject root)
{
    public List<ConfigError> Errors { get; } = [];

    public string String(string path, string fix)
    {
        var value = Find(path, fix);
        return value switch
        {
            null => string.Empty,
            HoconString s => s.Value,
            HoconNumber or HoconBoolean => value.ToString()!,
            _ => Fail(path, value, $"expected a string, found {Describe(value)}", fix, string.Empty),
        };
    }

    public string Identifier(string path, string fix, bool allowEmpty)
    {
        var text = String(path, fix);
        if ((text.Length == 0 && allowEmpty) || IsIdentifier(text))
        {
            return text;
        }

        return Fail(path, Find(path, fix), $"\"{text}\" is not a valid id (letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters)", fix, text);
    }

    public string Host(string path)
    {
        var text = String(path, "set an IP address such as 127.0.0.1 or 0.0.0.0, or a host name");
        if (IPAddress.TryParse(text, out _) || Uri.CheckHostName(text) == UriHostNameType.Dns)
        {
            return text;
        }

        return Fail(path, Find(path, string.Empty), $"\"{text}\" is neither an IP address nor a host name", "set an IP address such as 127.0.0.1 or 0.0.0.0, or a host name", text);
    }

    public long Long(string path, long min, long max, string fix)
    {
        var value = Find(path, fix);
        if (value is null)
        {
            return min;
        }

        if (value is HoconNumber n && n.TryGetInt64(out var number) || value is HoconString s && long.TryParse(s.Value, out number))
        {
            if (number >= min && number <= max)
            {
                return number;
            }

            return Fail(path, value, $"{number} is out of range {min} to {max}", fix, min);
        }

        return Fail(path, value, $"expected a whole number from {min} to {max}, found {Describe(value)}", fix, min);
    }

    public double Double(string path, double min, double max, string fix)
    {
        var value = Find(path, fix);
        double number = 0;
        if (value is HoconNumber n)
        {
            number = n.ToDouble();
        }
        else if (value is not HoconString s || !double.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            return value is null ? min : Fail(path, value, $"expected a number from {min} to {max}, found {Describe(value)}", fix, min);
        }

        return number >= min && number <= max ? number : Fail(path, value, $"{number} is out of range {min} to {max}", fix, min);
    }

    public bool Bool(string path, string fix)
    {
        var value = Find(path, fix);
        return value switch
        {
            null => false,
            HoconBoolean b => b.Value,
            HoconString { Value: "true" or "yes" or "on" } => true,
            HoconString { Value: "false" or "no" or "off" } => false,
            _ => Fail(path, value, $"expected true or false, found {Describe(value)}", fix, false),
        };
    }

    public TimeSpan Duration(string path, TimeSpan min, TimeSpan max, string fix)
    {
        var value = Find(path, fix);
        if (value is null)
        {
            return min;
        }

        try
        {
            var duration = HoconDuration.Parse(value is HoconString s ? s.Value : value.ToString()!);
            return duration >= min && duration <= max
                ? duration
                : Fail(path, value, $"{duration} is out of range {min} to {max}", fix, min);
        }
        catch (FormatException ex)
        {
            return Fail(path, value, ex.Message.TrimEnd('.'), fix, min);
        }
    }

    public long Size(string path, long min, long max, string fix)
    {
        var value = Find(path, fix);
        if (value is null)
        {
            return min;
        }

        try
        {
            var size = HoconSize.Parse(value);
            return size >= min && size <= max ? size : Fail(path, value, $"{size} bytes is out of range {min} to {max}", fix, min);
        }
        catch (FormatException ex)
        {
            return Fail(path, value, ex.Message.TrimEnd('.'), fix, min);
        }
    }

    public string Choice(string path, string[] allowed)
    {
        var text = String(path, "use one of " + string.Join(", ", allowed));
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : Fail(path, Find(path, string.Empty), $"\"{text}\" is not one of {string.Join(", ", allowed)}", "use one of " + string.Join(", ", allowed), allowed[0]);
    }

    public IReadOnlyDictionary<string, string> StringMap(string path, Func<string, string?> checkValue, string fix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Find(path, fix) is not HoconObject obj)
        {
            return map;
        }

        foreach (var key in obj.Keys)
        {
            var entryPath = path + ".\"" + key + "\"";
            if (obj[key] is not HoconString s)
            {
                Fail(entryPath, obj[key], "expected a string", fix, string.Empty);
            }
            else if (checkValue(s.Value) is { } problem)
            {
                Fail(entryPath, s, problem, fix, string.Empty);
            }
            else
            {
                map[key] = s.Value;
            }
        }

        return map;
    }

    public List<Transport.NodeAddress> AddressList(string path)
    {
        var addresses = new List<Transport.NodeAddress>();
        var texts = StringList(path, "write a list of host:port strings, e.g. [\"10.0.0.1:7946\", \"10.0.0.2:7946\"]");
        for (var i = 0; i < texts.Count; i++)
        {
            if (Transport.NodeAddress.TryParse(texts[i], out var address, out var error))
            {
                addresses.Add(address);
            }
            else
            {
                Add(path + "." + i, error, "write host:port, e.g. \"10.0.0.1:7946\"");
            }
        }

        return addresses;
    }

    public List<string> StringList(string path, string fix)
    {
        var list = new List<string>();
        switch (Find(path, fix))
        {
            case HoconArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is HoconString s)
                    {
                        list.Add(s.Value);
                    }
                    else
                    {
                        Fail(path + "." + i, array[i], $"expected a string, got {Describe(array[i])}", fix, string.Empty);
                    }
                }

                break;
            case { } other:
                Fail(path, other, $"expected a list, got {Describe(other)}", fix, string.Empty);
                break;
        }

        return list;
    }

    public IReadOnlyList<string> Keys(string path) =>
        root.TryGet(path, out var value) && value is HoconObject obj ? obj.Keys.ToList() : [];

    public TEnum Enum<TEnum>(string path, TEnum fallback)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<TEnum>());
        var text = String(path, "use one of " + names);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _)
            ? parsed
            : Fail(path, Find(path, string.Empty), $"\"{text}\" is not one of {names}", "use one of " + names, fallback);
    }

    public void Add(string path, string problem, string fix) =>
        Errors.Add(new ConfigError(path, root.TryGet(path, out var v) ? v.Origin.ToString() : null, problem, fix));

    internal static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(text[0]) &&
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private HoconValue? Find(string path, string fix)
    {
        if (root.TryGet(path, out var value) && value is not HoconNull)
        {
            return value;
        }

        Errors.Add(new ConfigError(path, value?.Origin.ToString(), "is missing (or set to null)", fix.Length > 0 ? fix : "remove the override that clears it"));
        return null;
    }

    private T Fail<T>(string path, HoconValue? value, string problem, string fix, T fallback)
    {
        Errors.Add(new ConfigError(path, value?.Origin.ToString(), problem, fix));
        return fallback;
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "a list",
        HoconString s => $"\"{s.Value}\"",
        _ => value.ToString() ?? "null",
    };
}
