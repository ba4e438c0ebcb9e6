using System.Globalization;
using System.Net;
using Akka.Configuration.Hocon;
using MeshActors.Discovery;

namespace MeshActors.Configuration;

/// <summary>
/// Reads typed settings from the merged configuration and collects every problem instead of
/// stopping at the first, so that one run shows the operator everything to fix (YARP's
/// ConfigValidator idea). Each read returns a usable fallback after recording an error, which
/// names the setting, the layer that set it and the fix.
/// </summary>
internal sealed class ConfigReader(LayeredConfig layers)
{
    public List<ConfigError> Errors { get; } = [];

    public string String(string path, string fix)
    {
        var value = Find(path, fix);
        return value switch
        {
            null => string.Empty,
            _ when value.IsString() => value.GetString() ?? string.Empty,
            _ => Fail(path, $"expected a string, found {Describe(value)}", fix, string.Empty),
        };
    }

    public string Identifier(string path, string fix, bool allowEmpty)
    {
        var text = String(path, fix);
        return (text.Length == 0 && allowEmpty) || IsIdentifier(text)
            ? text
            : Fail(path, $"\"{text}\" is not a valid id (letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters)", fix, text);
    }

    public string Host(string path)
    {
        const string fix = "set an IP address such as 127.0.0.1 or 0.0.0.0, or a host name";
        var text = String(path, fix);
        return IPAddress.TryParse(text, out _) || Uri.CheckHostName(text) == UriHostNameType.Dns
            ? text
            : Fail(path, $"\"{text}\" is neither an IP address nor a host name", fix, text);
    }

    public long Long(string path, long min, long max, string fix)
    {
        var text = Scalar(path, fix);
        if (text is null)
        {
            return min;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return Fail(path, $"expected a whole number from {min} to {max}, found \"{text}\"", fix, min);
        }

        return number >= min && number <= max ? number : Fail(path, $"{number} is out of range {min} to {max}", fix, min);
    }

    public double Double(string path, double min, double max, string fix)
    {
        var text = Scalar(path, fix);
        if (text is null)
        {
            return min;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Fail(path, $"expected a number from {min} to {max}, found \"{text}\"", fix, min);
        }

        return number >= min && number <= max ? number : Fail(path, $"{number} is out of range {min} to {max}", fix, min);
    }

    public bool Bool(string path, string fix) => Scalar(path, fix) switch
    {
        null => false,
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var other => Fail(path, $"expected true or false, found \"{other}\"", fix, false),
    };

    public TimeSpan Duration(string path, TimeSpan min, TimeSpan max, string fix)
    {
        var text = Scalar(path, fix);
        if (text is null)
        {
            return min;
        }

        TimeSpan duration;
        try
        {
            duration = layers.Resolved.GetValue(path).GetTimeSpan(allowInfinite: false);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return Fail(path, $"\"{text}\" is not a duration", fix + " (units: ms, s, m, h, d; a bare number means milliseconds)", min);
        }

        return duration >= min && duration <= max ? duration : Fail(path, $"{text} is out of range {min} to {max}", fix, min);
    }

    public long Size(string path, long min, long max, string fix)
    {
        var text = Scalar(path, fix);
        if (text is null)
        {
            return min;
        }

        long? size;
        try
        {
            size = layers.Resolved.GetValue(path).GetByteSize();
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            size = null;
        }

        return size switch
        {
            null => Fail(path, $"\"{text}\" is not a size", fix + " (units: B, KiB, MiB, GiB)", min),
            _ when size >= min && size <= max => size.Value,
            _ => Fail(path, $"{size} bytes is out of range {min} to {max}", fix, min),
        };
    }

    public string Choice(string path, string[] allowed)
    {
        var fix = "use one of " + string.Join(", ", allowed);
        var text = String(path, fix);
        return allowed.Contains(text, StringComparer.Ordinal) ? text : Fail(path, $"\"{text}\" is not one of {string.Join(", ", allowed)}", fix, allowed[0]);
    }

    public IReadOnlyDictionary<string, string> StringMap(string path, Func<string, string?> checkValue, string fix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = Find(path, fix);
        if (value is null || !value.IsObject())
        {
            return value is null ? map : Fail(path, $"expected an object of name = \"value\", found {Describe(value)}", fix, map);
        }

        foreach (var (key, entry) in value.GetObject().Items)
        {
            var entryPath = path + ".\"" + key + "\"";
            if (!entry.IsString())
            {
                Fail(entryPath, $"expected a string, found {Describe(entry)}", fix, string.Empty);
            }
            else if (checkValue(entry.GetString()) is { } problem)
            {
                Fail(entryPath, problem, fix, string.Empty);
            }
            else
            {
                map[key] = entry.GetString();
            }
        }

        return map;
    }

    public List<NodeAddress> AddressList(string path)
    {
        var addresses = new List<NodeAddress>();
        var texts = StringList(path, "write a list of host:port strings, e.g. [\"10.0.0.1:7946\", \"10.0.0.2:7946\"]");
        for (var i = 0; i < texts.Count; i++)
        {
            if (NodeAddress.TryParse(texts[i], out var address, out var error))
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
        var value = Find(path, fix);
        if (value is null)
        {
            return list;
        }

        if (!value.IsArray())
        {
            // Akka's parser reports an empty list [] as neither a list, nor a string, nor an object.
            return !value.IsString() && !value.IsObject() ? list : Fail(path, $"expected a list, found {Describe(value)}", fix, list);
        }

        var items = value.GetArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsString() && items[i].GetString() is { } s)
            {
                list.Add(s);
            }
            else
            {
                Fail(path + "." + i, $"expected a string, found {Describe(items[i])}", fix, string.Empty);
            }
        }

        return list;
    }

    /// <summary>Whether <paramref name="path"/> is set at all (for keys of open maps, which have no reference default).</summary>
    public bool Has(string path) => layers.Resolved.HasPath(path);

    public IReadOnlyList<string> Keys(string path) =>
        layers.Resolved.HasPath(path) && layers.Resolved.GetValue(path).IsObject()
            ? layers.Resolved.GetValue(path).GetObject().Items.Keys.ToList()
            : [];

    public TEnum Enum<TEnum>(string path, TEnum fallback)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<TEnum>());
        var text = String(path, "use one of " + names);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _)
            ? parsed
            : Fail(path, $"\"{text}\" is not one of {names}", "use one of " + names, fallback);
    }

    /// <summary>A path setting: absolute as given; relative to the folder of the file that set it;
    /// otherwise relative to the working directory (<see cref="LayeredConfig.WorkingDirectory"/>,
    /// the same folder relative <c>--config</c> paths are resolved against). Empty stays empty.</summary>
    public string FilePath(string path, string fix)
    {
        var text = String(path, fix);
        if (text.Length == 0 || Path.IsPathRooted(text))
        {
            return text;
        }

        var folder = layers.LayerOf(path)?.Folder;
        return Path.GetFullPath(text, folder ?? layers.WorkingDirectory);
    }

    public void Add(string path, string problem, string fix) => Errors.Add(new ConfigError(path, layers.OriginOf(path), problem, fix));

    internal static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(text[0]) &&
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private string? Scalar(string path, string fix)
    {
        var value = Find(path, fix);
        if (value is null)
        {
            return null;
        }

        return value.IsString() ? value.GetString() : Fail<string?>(path, $"expected a single value, found {Describe(value)}", fix, null);
    }

    private HoconValue? Find(string path, string fix)
    {
        var config = layers.Resolved;
        if (config.HasPath(path) && config.GetValue(path) is { } value && !(value.IsString() && value.GetString() is null))
        {
            return value;
        }

        Errors.Add(new ConfigError(path, layers.OriginOf(path), "is missing (or set to null)", fix.Length > 0 ? fix : "remove the override that clears it"));
        return null;
    }

    private T Fail<T>(string path, string problem, string fix, T fallback)
    {
        Add(path, problem, fix);
        return fallback;
    }

    private static string Describe(HoconValue value) =>
        value.IsObject() ? "an object" : value.IsArray() ? "a list" : $"\"{value.GetString()}\"";
}
