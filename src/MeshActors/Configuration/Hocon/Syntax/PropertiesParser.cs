using System.Globalization;
using System.Text;
using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Syntax;

/// <summary>
/// Reads Java properties (the rules of <c>java.util.Properties.load</c>) and maps them to HOCON:
/// each key split on '.' (empty parts kept) is a path, every value is a string, a later duplicate
/// wins, and where a key is both a value and a parent of others the object wins.
/// </summary>
internal static class PropertiesParser
{
    public static ObjectNode Parse(string text, string originName)
    {
        var root = new PropertyTree(new HoconOrigin(originName, 1, 1));
        foreach (var (line, logical) in LogicalLines(text))
        {
            var origin = new HoconOrigin(originName, line, 1);
            var (key, value) = SplitKeyValue(logical, origin);
            root.Set(key.Split('.'), value, origin);
        }

        return root.ToNode();
    }

    /// <summary>Joins backslash-continued lines and drops blank and comment lines.</summary>
    private static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var current = lines[i].TrimStart(' ', '\t', '\f');
            if (current.Length == 0 || current[0] is '#' or '!')
            {
                continue;
            }

            var logical = new StringBuilder();
            while (EndsWithContinuation(current) && i + 1 < lines.Length)
            {
                logical.Append(current, 0, current.Length - 1);
                current = lines[++i].TrimStart(' ', '\t', '\f');
            }

            logical.Append(EndsWithContinuation(current) ? current[..^1] : current);
            yield return (start + 1, logical.ToString());
        }
    }

    private static bool EndsWithContinuation(string line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) SplitKeyValue(string line, HoconOrigin origin)
    {
        var index = 0;
        while (index < line.Length && !IsKeyEnd(line[index]))
        {
            index += line[index] == '\\' ? 2 : 1;
        }

        index = Math.Min(index, line.Length);
        var key = Unescape(line[..index], origin);
        while (index < line.Length && line[index] is ' ' or '\t' or '\f')
        {
            index++;
        }

        if (index < line.Length && line[index] is '=' or ':')
        {
            index++;
        }

        while (index < line.Length && line[index] is ' ' or '\t' or '\f')
        {
            index++;
        }

        return (key, Unescape(line[index..], origin));
    }

    private static bool IsKeyEnd(char c) => c is '=' or ':' or ' ' or '\t' or '\f';

    private static string Unescape(string text, HoconOrigin origin)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var code = text[++i];
            if (code == 'u')
            {
                if (i + 5 > text.Length || !ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    throw new HoconException(origin, "malformed \\uXXXX escape in a properties file");
                }

                builder.Append((char)unit);
                i += 4;
                continue;
            }

            builder.Append(code switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => code });
        }

        return builder.ToString();
    }
}
