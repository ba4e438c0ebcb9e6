using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// Evaluates a value concatenation once its substitutions are resolved. An undefined optional
/// substitution counts as an empty string, array or object; if every part is undefined the whole
/// concatenation is undefined.
/// </summary>
internal static class ConcatEvaluator
{
    public static HoconValue? Evaluate(ConcatNode concat, Func<ConfigNode, HoconValue?> resolve)
    {
        var parts = new List<(HoconValue? Value, string? Space, HoconOrigin At)>();
        foreach (var piece in concat.Pieces)
        {
            parts.Add(piece.Whitespace is { } space
                ? (null, space, concat.Origin)
                : (resolve(piece.Node!), null, piece.Node!.Origin));
        }

        var defined = parts.Where(part => part.Value is not null).ToList();
        if (defined.Count == 0)
        {
            return null;
        }

        var container = defined.Select(part => part.Value!).FirstOrDefault(value => value is HoconObject or HoconArray);
        if (container is null)
        {
            var remaining = parts.Where(part => part.Space is not null || part.Value is not null).ToList();
            return remaining.Count == 1
                ? remaining[0].Value
                : new HoconString(string.Concat(remaining.Select(part => part.Space ?? part.Value!.ConcatenationText)), concat.Origin);
        }

        var arrays = defined.Any(part => part.Value is HoconArray);
        if (arrays)
        {
            defined = defined.Select(part => part.Value is HoconObject obj && ConcatenationRules.NumericallyIndexed(obj) is { } items
                ? (new HoconArray(items, obj.Origin), part.Space, part.At)
                : part).ToList();
        }

        var first = defined[0].Value!;
        foreach (var (value, _, at) in defined)
        {
            if (ConcatenationRules.Category(value!.TypeName) != ConcatenationRules.Category(first.TypeName))
            {
                throw ConcatenationRules.Mismatch(at, first.TypeName, value.TypeName);
            }
        }

        return arrays
            ? new HoconArray(defined.SelectMany(part => (HoconArray)part.Value!), concat.Origin)
            : defined.Select(part => (HoconObject)part.Value!).Aggregate(ValueMerger.Merge);
    }
}
