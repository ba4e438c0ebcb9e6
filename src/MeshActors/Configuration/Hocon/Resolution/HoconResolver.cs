using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>
/// Resolves a merged, unresolved document into plain values. Lookups are lazy and memoized per
/// (view, path): a substitution resolves only the part of the tree it needs, so an object may refer
/// to its own fields. A field whose value needs the field itself is self-referential and looks back
/// at the values it overrides (see <see cref="ResolveView"/>); other cycles are errors.
/// Configuration/Hocon/README.md walks through the algorithm.
/// </summary>
internal sealed partial class HoconResolver
{
    private readonly ObjectNode root;
    private readonly HoconResolveOptions options;
    private readonly ResolveView baseView = new();
    private readonly Dictionary<(ResolveView, HoconPath), HoconValue?> resolved = [];
    private readonly Dictionary<(ResolveView, HoconPath), ConfigNode?> collapsed = [];
    private readonly HashSet<(ResolveView, HoconPath)> resolving = [];
    private readonly HashSet<(ResolveView, HoconPath)> collapsing = [];
    private readonly List<(ResolveView View, HoconPath Path)> selfReferences = [];
    private readonly List<SubstitutionNode> substitutions = [];
    private int activeDepth;
    private int steps;

    private HoconResolver(ObjectNode root, HoconResolveOptions options)
    {
        this.root = root;
        this.options = options;
    }

    public static HoconObject Resolve(ObjectNode root, HoconResolveOptions options)
    {
        var resolver = new HoconResolver(root, options);
        try
        {
            return (HoconObject)resolver.ResolvePath(resolver.baseView, HoconPath.Root)!;
        }
        catch (SubstitutionCycle cycle)
        {
            throw new HoconException(cycle.At, cycle.Problem);
        }
        catch (Exception signal) when (signal is ReentrySignal or MarkerReached)
        {
            // Both are always caught on the way up; this is a last line of defence.
            throw new HoconException(root.Origin, "could not resolve a self-referential substitution: " + signal.Message);
        }
    }

    /// <summary>The resolved value at <paramref name="path"/> in <paramref name="view"/>, or null when undefined.</summary>
    private HoconValue? ResolvePath(ResolveView view, HoconPath path)
    {
        var key = (view, path);
        if (resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        if (!resolving.Add(key))
        {
            throw Reentry(view, path);
        }

        try
        {
            Enter(CurrentOrigin);
            var node = NodeAt(view, path);
            var value = node is null ? null : ResolveField(view, path, node);
            resolved[key] = value;
            return value;
        }
        finally
        {
            activeDepth--;
            resolving.Remove(key);
        }
    }

    private HoconValue? ResolveField(ResolveView view, HoconPath path, ConfigNode node)
    {
        if (node is MergeNode or SubstitutionNode or ConcatNode)
        {
            node = Collapse(view, path, node)!;
            if (node is null)
            {
                return null;
            }
        }

        if (node is not ObjectNode obj)
        {
            return ResolveDetached(view, node);
        }

        var fields = new List<KeyValuePair<string, HoconValue>>();
        foreach (var key in obj.Keys)
        {
            if (ResolvePath(view, path.Append(key)) is { } value)
            {
                fields.Add(new(key, value));
            }
        }

        return Checked(new HoconObject(fields, obj.Origin));
    }

    /// <summary>
    /// The unresolved node at <paramref name="path"/>, resolving only the merges and substitutions
    /// on the way that decide which child to follow.
    /// </summary>
    private ConfigNode? NodeAt(ResolveView view, HoconPath path)
    {
        ConfigNode? node = root;
        var chain = view.Chain;
        var limit = chain.Length;
        for (var length = 1; length <= path.Count; length++)
        {
            var replaced = false;
            for (var i = 0; i < limit; i++)
            {
                var candidate = chain[i];
                if (candidate.ReplacedPath!.Count == length && candidate.ReplacedPath.IsPrefixOf(path))
                {
                    node = candidate.Replacement ?? throw new MarkerReached(candidate);

                    // Replacements made further out do not reach inside this one.
                    limit = i;
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                node = Child(view, path.Prefix(length - 1), node!, path[length - 1]);
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private ConfigNode? Child(ResolveView view, HoconPath parentPath, ConfigNode parent, string key)
    {
        switch (parent)
        {
            case ObjectNode obj:
                return obj.TryGet(key, out var child) ? child : null;
            case ValueNode { Value: HoconObject value }:
                return value.TryGetValue(key, out var resolvedChild) ? new ValueNode(resolvedChild) : null;
            case MergeNode or SubstitutionNode or ConcatNode:
                var collapsedParent = Collapse(view, parentPath, parent);
                return collapsedParent is null ? null : Child(view, parentPath, collapsedParent, key);
            default:
                return null;
        }
    }

    /// <summary>Where errors about the lookup in progress point: the innermost substitution, or the document.</summary>
    private HoconOrigin CurrentOrigin => substitutions.Count > 0 ? substitutions[^1].Origin : root.Origin;

    /// <summary>Counts one lookup in progress; callers decrement <see cref="activeDepth"/> when it ends.</summary>
    private void Enter(HoconOrigin at)
    {
        if (++activeDepth > HoconLimits.MaxResolveDepth)
        {
            throw new HoconException(at, $"substitutions and nested values go more than {HoconLimits.MaxResolveDepth} levels deep");
        }

        Step(at);
    }

    /// <summary>Counts one step of work and checks the stack.</summary>
    private void Step(HoconOrigin at)
    {
        if (++steps > HoconLimits.MaxResolveSteps)
        {
            throw new HoconException(at, $"resolving the configuration took more than {HoconLimits.MaxResolveSteps} steps; look for substitutions that refer to each other");
        }

        StackGuard.Ensure(at);
    }

    private static T Checked<T>(T value)
        where T : HoconValue
    {
        return value.Depth > HoconLimits.MaxValueDepth
            ? throw new HoconException(value.Origin, $"the value nests more than {HoconLimits.MaxValueDepth} levels deep")
            : value;
    }
}
