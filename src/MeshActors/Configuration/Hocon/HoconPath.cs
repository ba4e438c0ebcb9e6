using System.Text;
using MeshActors.Configuration.Hocon.Syntax;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// A parsed path expression: the list of keys from the root to a value. Two paths are equal when
/// their segments are equal, so paths serve as dictionary keys during resolution.
/// </summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] segments;
    private readonly int hash;

    public HoconPath(IEnumerable<string> segments)
    {
        this.segments = segments.ToArray();
        var combined = new HashCode();
        foreach (var segment in this.segments)
        {
            combined.Add(segment, StringComparer.Ordinal);
        }

        hash = combined.ToHashCode();
    }

    public static HoconPath Root { get; } = new([]);

    public IReadOnlyList<string> Segments => segments;

    public int Count => segments.Length;

    public string this[int index] => segments[index];

    public HoconPath Append(string segment) => new(segments.Append(segment));

    public HoconPath Concat(HoconPath other) => other.Count == 0 ? this : Count == 0 ? other : new(segments.Concat(other.segments));

    public HoconPath Prefix(int count) => count == Count ? this : new(segments.Take(count));

    /// <summary>Whether this path equals <paramref name="other"/> or is one of its ancestors.</summary>
    public bool IsPrefixOf(HoconPath other)
    {
        if (other.Count < Count)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (!string.Equals(segments[i], other.segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a path expression such as <c>a.b."c.d"</c>; errors name <paramref name="originName"/>.</summary>
    public static HoconPath Parse(string text, string originName) => DocumentParser.ParsePath(text, originName);

    /// <summary>Parses a path given as a method argument, reporting bad syntax as an argument error.</summary>
    public static HoconPath ParseArgument(string text, string parameterName)
    {
        try
        {
            return Parse(text, "<path>");
        }
        catch (HoconException error)
        {
            throw new ArgumentException($"\"{text}\" is not a valid HOCON path: {error.Problem}", parameterName, error);
        }
    }

    /// <summary>Renders the path as HOCON, quoting segments that need it.</summary>
    public string Render()
    {
        if (segments.Length == 0)
        {
            return "\"\"";
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(NeedsQuotes(segment) ? QuotedText.Quote(segment) : segment);
        }

        return builder.ToString();
    }

    public bool Equals(HoconPath? other) =>
        other is not null && hash == other.hash && segments.AsSpan().SequenceEqual(other.segments);

    public override bool Equals(object? obj) => obj is HoconPath other && Equals(other);

    public override int GetHashCode() => hash;

    public override string ToString() => Render();

    private static bool NeedsQuotes(string segment) =>
        segment.Length == 0 || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
