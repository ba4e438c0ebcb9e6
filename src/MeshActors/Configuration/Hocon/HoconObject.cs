using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// A resolved HOCON object: fields in the order their keys first appeared in the sources.
/// Look up one key with the indexer or <see cref="TryGetValue"/>, or a dotted path with
/// <see cref="TryGet"/>.
/// </summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly Dictionary<string, HoconValue> fields;
    private readonly string[] keys;

    internal HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> orderedFields, HoconOrigin origin)
        : base(origin)
    {
        fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        var order = new List<string>();
        var depth = 0;
        foreach (var (key, value) in orderedFields)
        {
            if (!fields.ContainsKey(key))
            {
                order.Add(key);
            }

            fields[key] = value;
            depth = Math.Max(depth, value.Depth);
        }

        keys = order.ToArray();
        Depth = depth + 1;
    }

    /// <summary>The keys, in the order they first appeared.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>The values, in key order.</summary>
    public IEnumerable<HoconValue> Values => keys.Select(key => fields[key]);

    IEnumerable<string> IReadOnlyDictionary<string, HoconValue>.Keys => keys;

    /// <summary>The number of fields.</summary>
    public int Count => keys.Length;

    internal override int Depth { get; }

    internal override string? ConcatenationText => null;

    internal override string TypeName => "object";

    /// <summary>The value of one key (not a path: dots are part of the key here).</summary>
    /// <exception cref="KeyNotFoundException">The object has no such key.</exception>
    public HoconValue this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"{Origin}: the object has no key \"{key}\"");

    /// <summary>Whether the object has the key (not a path).</summary>
    /// <param name="key">The key, dots included literally.</param>
    public bool ContainsKey(string key) => fields.ContainsKey(key);

    /// <summary>Gets the value of one key (not a path).</summary>
    /// <param name="key">The key, dots included literally.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) =>
        fields.TryGetValue(key, out value);

    /// <summary>
    /// Gets the value at a HOCON path such as <c>meshactors.node.id</c> or
    /// <c>a."b.c".d</c> (quoted segments keep their dots).
    /// </summary>
    /// <param name="path">The path expression.</param>
    /// <param name="value">The value, when every segment exists.</param>
    /// <returns>Whether the path leads to a value.</returns>
    /// <exception cref="ArgumentException">The path is not a valid path expression.</exception>
    public bool TryGet(string path, [MaybeNullWhen(false)] out HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconValue current = this;
        foreach (var segment in HoconPath.ParseArgument(path, nameof(path)).Segments)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(segment, out var next))
            {
                value = null;
                return false;
            }

            current = next;
        }

        value = current;
        return true;
    }

    /// <summary>
    /// Flattens the object into Microsoft.Extensions.Configuration form: keys joined with
    /// <c>:</c>, array elements as <c>:0</c>, <c>:1</c>, null as a null value; empty objects and
    /// arrays give no entries.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> Flatten() => HoconFlattener.Flatten(this);

    /// <summary>Enumerates the fields in key order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() =>
        keys.Select(key => new KeyValuePair<string, HoconValue>(key, fields[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the object as compact JSON.</summary>
    public override string ToString() => ToJson();
}
