using System.Text;

namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// Applies value concatenation while parsing when no substitution is involved: simple values join
/// into one string (whitespace between them kept), arrays join, objects merge. A concatenation
/// holding a substitution is kept as a <see cref="ConcatNode"/> for the resolver.
/// </summary>
internal static class StaticConcatenation
{
    public static ConfigNode Build(IReadOnlyList<ConcatPiece> pieces, HoconOrigin origin)
    {
        if (pieces.Any(piece => piece.Node is SubstitutionNode or ConcatNode or MergeNode))
        {
            return new ConcatNode(pieces, origin);
        }

        var values = pieces.Where(piece => piece.Node is not null).Select(piece => piece.Node!).ToList();
        var firstContainer = values.FirstOrDefault(node => node is ObjectNode or ArrayNode);
        if (firstContainer is null)
        {
            var text = new StringBuilder();
            foreach (var piece in pieces)
            {
                text.Append(piece.Whitespace ?? ((ValueNode)piece.Node!).Value.ConcatenationText);
            }

            return new ValueNode(new HoconString(text.ToString(), origin));
        }

        if (values.Any(node => node is ArrayNode))
        {
            values = values.Select(node => node is ObjectNode obj
                && ConcatenationRules.NumericallyIndexed(obj.Keys.Select(key => new KeyValuePair<string, ConfigNode>(key, obj[key]))) is { } items
                ? new ArrayNode(items, obj.Origin)
                : node).ToList();
        }

        var first = TypeName(values[0]);
        foreach (var node in values)
        {
            if (ConcatenationRules.Category(TypeName(node)) != ConcatenationRules.Category(first))
            {
                throw ConcatenationRules.Mismatch(node.Origin, first, TypeName(node));
            }
        }

        if (values[0] is ArrayNode)
        {
            return new ArrayNode(values.SelectMany(node => ((ArrayNode)node).Items).ToList(), origin);
        }

        return values.Aggregate(NodeMerger.Merge);
    }

    private static string TypeName(ConfigNode node) => node switch
    {
        ObjectNode => "object",
        ArrayNode => "array",
        ValueNode value => value.Value.TypeName,
        _ => "value",
    };
}
