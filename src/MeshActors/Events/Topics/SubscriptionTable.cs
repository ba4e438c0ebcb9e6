using System.Collections.Immutable;

namespace MeshActors.Events.Topics;

/// <summary>
/// The local subscriptions of a node, by id, and the question admission asks of them: which
/// subscriptions match topic T. Immutable: <see cref="Add"/> and <see cref="Remove"/> return a new
/// table that shares every untouched branch. Patterns live in a trie keyed by segment, with
/// <c>*</c> as an ordinary child and <c>#</c> kept on the node where it stands, so a lookup walks at
/// most the topic's segments times the wildcard branches that exist, never every subscription.
/// </summary>
public sealed class SubscriptionTable
{
    /// <summary>A table with no subscriptions.</summary>
    public static readonly SubscriptionTable Empty = new(ImmutableDictionary<string, TopicPattern>.Empty.WithComparers(StringComparer.Ordinal), Node.Empty);

    private readonly ImmutableDictionary<string, TopicPattern> _patterns;
    private readonly Node _root;

    private SubscriptionTable(ImmutableDictionary<string, TopicPattern> patterns, Node root)
    {
        _patterns = patterns;
        _root = root;
    }

    /// <summary>How many subscriptions the table holds.</summary>
    public int Count => _patterns.Count;

    /// <summary>The subscriptions, by id.</summary>
    public IReadOnlyDictionary<string, TopicPattern> Subscriptions => _patterns;

    /// <summary>A table that also holds subscription <paramref name="id"/> for <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty or already subscribed.</exception>
    public SubscriptionTable Add(string id, TopicPattern pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(pattern);
        if (_patterns.ContainsKey(id))
        {
            throw new ArgumentException($"subscription \"{id}\" already exists (for {_patterns[id]}); remove it first", nameof(id));
        }

        return new SubscriptionTable(_patterns.Add(id, pattern), _root.With(pattern.Segments, 0, id, add: true));
    }

    /// <summary>A table without subscription <paramref name="id"/>; this table when there is no such subscription.</summary>
    public SubscriptionTable Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _patterns.TryGetValue(id, out var pattern)
            ? new SubscriptionTable(_patterns.Remove(id), _root.With(pattern.Segments, 0, id, add: false))
            : this;
    }

    /// <summary>The ids of the subscriptions whose pattern matches <paramref name="topic"/>, in ordinal order.</summary>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is not a valid topic name.</exception>
    public IReadOnlyList<string> Match(string topic)
    {
        TopicName.Require(topic, nameof(topic));
        var found = new List<string>();
        Collect(_root, topic.Split('.'), 0, found, stopAtFirst: false);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Whether any subscription matches <paramref name="topic"/>; false for a name that is not a valid topic.</summary>
    public bool AnyMatch(string topic)
    {
        if (!TopicName.IsValid(topic))
        {
            return false;
        }

        var found = new List<string>(1);
        Collect(_root, topic.Split('.'), 0, found, stopAtFirst: true);
        return found.Count > 0;
    }

    private static void Collect(Node node, string[] parts, int depth, List<string> found, bool stopAtFirst)
    {
        found.AddRange(node.Trailing);
        if (depth == parts.Length)
        {
            found.AddRange(node.Ending);
            return;
        }

        if (stopAtFirst && found.Count > 0)
        {
            return;
        }

        if (node.Children.TryGetValue(parts[depth], out var literal))
        {
            Collect(literal, parts, depth + 1, found, stopAtFirst);
        }

        if (node.Children.TryGetValue(TopicPattern.SingleSegmentWildcard, out var star) && (!stopAtFirst || found.Count == 0))
        {
            Collect(star, parts, depth + 1, found, stopAtFirst);
        }
    }

    /// <summary>One trie node: children by segment (including <c>*</c>), the subscriptions whose pattern
    /// ends here, and those whose pattern continues here with <c>#</c>.</summary>
    private sealed record Node(ImmutableDictionary<string, Node> Children, ImmutableSortedSet<string> Ending, ImmutableSortedSet<string> Trailing)
    {
        public static readonly Node Empty = new(
            ImmutableDictionary<string, Node>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
            ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

        public bool IsEmpty => Children.IsEmpty && Ending.IsEmpty && Trailing.IsEmpty;

        public Node With(IReadOnlyList<string> segments, int depth, string id, bool add)
        {
            if (depth == segments.Count)
            {
                return this with { Ending = add ? Ending.Add(id) : Ending.Remove(id) };
            }

            if (segments[depth] == TopicPattern.TrailingWildcard)
            {
                return this with { Trailing = add ? Trailing.Add(id) : Trailing.Remove(id) };
            }

            var child = (Children.TryGetValue(segments[depth], out var existing) ? existing : Empty).With(segments, depth + 1, id, add);
            return this with { Children = child.IsEmpty ? Children.Remove(segments[depth]) : Children.SetItem(segments[depth], child) };
        }
    }
}
