using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// The document as one substitution sees it. The base view is the merged document. When a field's
/// value refers to the field itself, it is resolved in a child view where that field holds only the
/// values it overrides ("looking back"), or nothing at all: then <see cref="Replacement"/> is null
/// and reaching the field is a self-reference with nothing below it.
/// </summary>
internal sealed class ResolveView
{
    private readonly HashSet<SubstitutionNode> direct;

    public ResolveView()
    {
        Chain = [];
        direct = [];
    }

    /// <param name="parent">The view this one changes.</param>
    /// <param name="replacedPath">The self-referential field.</param>
    /// <param name="replacement">The older values of the field, or null when there are none.</param>
    /// <param name="direct">The substitutions written directly in the self-referential value.</param>
    public ResolveView(ResolveView parent, HoconPath replacedPath, ConfigNode? replacement, IEnumerable<SubstitutionNode> direct)
    {
        Parent = parent;
        ReplacedPath = replacedPath;
        Replacement = replacement;
        Chain = [this, .. parent.Chain];
        this.direct = new HashSet<SubstitutionNode>(direct, ReferenceEqualityComparer.Instance);
    }

    public ResolveView? Parent { get; }

    public HoconPath? ReplacedPath { get; }

    public ConfigNode? Replacement { get; }

    /// <summary>This view and its ancestors with a replacement, innermost first.</summary>
    public ResolveView[] Chain { get; }

    /// <summary>Whether <paramref name="substitution"/> is written directly in the value that is looking back.</summary>
    public bool IsDirect(SubstitutionNode substitution) => direct.Contains(substitution);
}
