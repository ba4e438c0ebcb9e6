using System.Collections;

namespace MeshActors.Configuration.Hocon;

/// <summary>A resolved HOCON array.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] items;

    internal HoconArray(IEnumerable<HoconValue> items, HoconOrigin origin)
        : base(origin)
    {
        this.items = items.ToArray();
        Depth = 1 + this.items.Select(item => item.Depth).DefaultIfEmpty(0).Max();
    }

    /// <summary>The number of elements.</summary>
    public int Count => items.Length;

    internal override int Depth { get; }

    internal override string? ConcatenationText => null;

    internal override string TypeName => "array";

    /// <summary>The element at a 0-based index.</summary>
    /// <param name="index">The index.</param>
    public HoconValue this[int index] => items[index];

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Returns the array as compact JSON.</summary>
    public override string ToString() => ToJson();
}
