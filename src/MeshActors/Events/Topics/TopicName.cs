namespace MeshActors.Events.Topics;

/// <summary>
/// The rules for event topic names: dot-separated segments such as <c>infrastructure.disk.full</c>.
/// Each segment is 1 to <see cref="MaxSegmentLength"/> ASCII letters, digits, '-' or '_'; a name has
/// at most <see cref="MaxSegments"/> segments and <see cref="MaxLength"/> characters, so it fits the
/// envelope's one-byte length. Names are case-sensitive and compared ordinally.
/// </summary>
public static class TopicName
{
    /// <summary>The longest topic name or pattern, in characters (= bytes, since it is ASCII).</summary>
    public const int MaxLength = 255;

    /// <summary>The longest segment between two dots.</summary>
    public const int MaxSegmentLength = 64;

    /// <summary>The most segments a topic name or pattern may have.</summary>
    public const int MaxSegments = 16;

    /// <summary>What a valid topic name looks like, for error messages.</summary>
    public const string Rule = "dot-separated segments of ASCII letters, digits, '-' and '_' (e.g. infrastructure.disk.full), at most 16 segments of 64 characters and 255 characters in all";

    /// <summary>Whether <paramref name="topic"/> is a valid topic name.</summary>
    public static bool IsValid(string? topic) => Problem(topic) is null;

    /// <summary>Why <paramref name="topic"/> is not a valid topic name, or null when it is.</summary>
    public static string? Problem(string? topic) => Problem(topic, allowWildcards: false);

    /// <summary>Throws when <paramref name="topic"/> is not a valid topic name.</summary>
    /// <exception cref="ArgumentException">The name breaks <see cref="Rule"/>.</exception>
    public static void Require(string topic, string parameterName)
    {
        var problem = Problem(topic);
        if (problem is not null)
        {
            throw new ArgumentException($"\"{topic}\" is not a topic name: {problem}; expected {Rule}", parameterName);
        }
    }

    /// <summary>Shared by names and patterns: with <paramref name="allowWildcards"/>, a whole segment may
    /// be <c>*</c>, and the last segment may be <c>#</c>.</summary>
    internal static string? Problem(string? text, bool allowWildcards)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "it is empty";
        }

        if (text.Length > MaxLength)
        {
            return $"it has {text.Length} characters, more than {MaxLength}";
        }

        var segments = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
            {
                continue;
            }

            segments++;
            var problem = SegmentProblem(text.AsSpan(start, i - start), segments, last: i == text.Length, allowWildcards);
            if (problem is not null)
            {
                return problem;
            }

            start = i + 1;
        }

        return segments > MaxSegments ? $"it has {segments} segments, more than {MaxSegments}" : null;
    }

    private static string? SegmentProblem(ReadOnlySpan<char> segment, int number, bool last, bool allowWildcards)
    {
        if (segment.IsEmpty)
        {
            return $"segment {number} is empty (a leading, trailing or doubled '.')";
        }

        if (allowWildcards && segment is "*")
        {
            return null;
        }

        if (allowWildcards && segment is "#")
        {
            return last ? null : $"'#' is segment {number} but may only be the last segment";
        }

        if (segment.Length > MaxSegmentLength)
        {
            return $"segment {number} has {segment.Length} characters, more than {MaxSegmentLength}";
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return allowWildcards && c is '*' or '#'
                    ? $"segment {number} mixes '{c}' with other characters; a wildcard must be a whole segment"
                    : $"segment {number} contains '{c}'";
            }
        }

        return null;
    }
}
