namespace MeshActors.Configuration.Hocon.Tree;

/// <summary>
/// One piece of a value concatenation: a value node, or the unquoted whitespace between two
/// values (kept in string concatenations, ignored between arrays or objects).
/// </summary>
internal readonly record struct ConcatPiece(ConfigNode? Node, string? Whitespace)
{
    public static ConcatPiece Space(string text) => new(null, text);

    public static ConcatPiece Of(ConfigNode node) => new(node, null);
}

/// <summary>A value concatenation that holds at least one substitution, so it must wait for resolution.</summary>
internal sealed class ConcatNode : ConfigNode
{
    public ConcatNode(IReadOnlyList<ConcatPiece> pieces, HoconOrigin origin)
        : base(origin)
    {
        Pieces = pieces;
    }

    public IReadOnlyList<ConcatPiece> Pieces { get; }
}
