namespace MeshActors.Events.Topics;

/// <summary>
/// A subscription pattern over topic names: literal segments, <c>*</c> for exactly one segment, and
/// a final <c>#</c> for zero or more trailing segments (AMQP's convention). So <c>infrastructure.*</c>
/// matches <c>infrastructure.disk</c> but not <c>infrastructure</c> or <c>infrastructure.disk.full</c>;
/// <c>deployment.#</c> matches <c>deployment</c>, <c>deployment.started</c> and
/// <c>deployment.web.rolled-back</c>; <c>#</c> alone matches every topic. Immutable.
/// </summary>
public sealed class TopicPattern : IEquatable<TopicPattern>
{
    /// <summary>The segment that matches exactly one segment.</summary>
    public const string SingleSegmentWildcard = "*";

    /// <summary>The final segment that matches zero or more trailing segments.</summary>
    public const string TrailingWildcard = "#";

    private TopicPattern(string text)
    {
        Text = text;
        Segments = text.Split('.');
    }

    /// <summary>The pattern as written, e.g. <c>deployment.#</c>.</summary>
    public string Text { get; }

    /// <summary>The segments of the pattern, wildcards included.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Whether the pattern ends with <see cref="TrailingWildcard"/>.</summary>
    public bool EndsWithTrailingWildcard => Segments[^1] == TrailingWildcard;

    /// <summary>Reads a pattern: a topic name (<see cref="TopicName.Rule"/>) in which a whole segment may be <c>*</c> and the last may be <c>#</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a valid pattern; the message says why.</exception>
    public static TopicPattern Parse(string text) =>
        TryParse(text, out var pattern, out var problem)
            ? pattern
            : throw new ArgumentException($"\"{text}\" is not a topic pattern: {problem}; expected {TopicName.Rule}, where a whole segment may be '*' (one segment) and the last may be '#' (zero or more)", nameof(text));

    /// <summary>Reads a pattern without throwing; <paramref name="problem"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TopicPattern? pattern, out string? problem)
    {
        problem = TopicName.Problem(text, allowWildcards: true);
        pattern = problem is null ? new TopicPattern(text!) : null;
        return pattern is not null;
    }

    /// <summary>Whether <paramref name="topic"/>, a valid topic name, matches this pattern. A linear scan; <see cref="SubscriptionTable"/> answers for many patterns at once.</summary>
    public bool Matches(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var parts = topic.Split('.');
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            if (segment == TrailingWildcard)
            {
                return true;
            }

            if (i >= parts.Length || (segment != SingleSegmentWildcard && segment != parts[i]))
            {
                return false;
            }
        }

        return parts.Length == Segments.Count;
    }

    /// <inheritdoc />
    public bool Equals(TopicPattern? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TopicPattern);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The pattern as written.</summary>
    public override string ToString() => Text;
}
