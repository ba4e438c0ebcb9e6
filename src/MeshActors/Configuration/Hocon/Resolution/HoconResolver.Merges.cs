using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>Merge stacks and self-referential values.</summary>
internal sealed partial class HoconResolver
{
    /// <summary>Stacks of self-references longer than this are resolved bottom-up first.</summary>
    private const int WarmUpThreshold = 8;

    private readonly Dictionary<(ResolveView, HoconPath, ConfigNode, int), ResolveView> lookBackViews = [];
    private readonly Dictionary<(ResolveView, HoconPath, ConfigNode), int> warmedUpTo = [];

    /// <summary>
    /// Folds the values given to one field, newest first: consecutive objects merge, the first
    /// non-object ends the fold (and hides anything older), an undefined value is skipped. Returns an
    /// object node whose children may still need resolving, another node, or null when undefined.
    /// </summary>
    private ConfigNode? Collapse(ResolveView view, HoconPath path, ConfigNode node)
    {
        var key = (view, path);
        if (collapsed.TryGetValue(key, out var done))
        {
            return done;
        }

        if (!collapsing.Add(key))
        {
            throw Reentry(view, path);
        }

        try
        {
            Step(node.Origin);
            var items = node is MergeNode stack ? stack.Items : [node];
            var objects = new List<ConfigNode>();
            ConfigNode? result = null;
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var current = items[i] is SubstitutionNode or ConcatNode
                    ? AsNode(ResolveElement(view, path, items, i))
                    : items[i];
                if (current is null)
                {
                    continue;
                }

                if (current.IsObject)
                {
                    objects.Add(current);
                    continue;
                }

                result = objects.Count == 0 ? current : null;
                break;
            }

            if (objects.Count > 0)
            {
                objects.Reverse();
                result = objects.Aggregate(NodeMerger.Merge);
            }

            collapsed[key] = result;
            return result;
        }
        finally
        {
            collapsing.Remove(key);
        }
    }

    /// <summary>
    /// Resolves a substitution or concatenation given to a field. If it turns out to need the field
    /// itself, it is resolved again in a view where the field holds only the older values.
    /// </summary>
    private HoconValue? ResolveElement(ResolveView view, HoconPath path, IReadOnlyList<ConfigNode> items, int index)
    {
        var item = items[index];
        if (!NamesItsOwnField(item, path))
        {
            selfReferences.Add((view, path));
            try
            {
                return ResolveDetached(view, item);
            }
            catch (ReentrySignal signal) when (signal.View == view && signal.Path.Equals(path))
            {
                // Self-referential after all, through other substitutions: look back below.
            }
            finally
            {
                selfReferences.RemoveAt(selfReferences.Count - 1);
            }
        }

        if (index > WarmUpThreshold)
        {
            WarmUp(view, path, items, index);
        }

        return ResolveDetached(LookBackView(view, path, items, index), item);
    }

    /// <summary>
    /// The view where <paramref name="path"/> holds only <c>items[0..index)</c> (a marker when
    /// <paramref name="index"/> is 0). Views are shared, so every value below the same item is
    /// resolved and memoized once; a newer look-back at a field replaces an older one instead of
    /// stacking on it, which it shadows anyway.
    /// </summary>
    private ResolveView LookBackView(ResolveView view, HoconPath path, IReadOnlyList<ConfigNode> items, int index)
    {
        var parent = WithoutLookBackAt(view, path);
        var key = (parent, path, index == 0 ? items[0] : items[index - 1], index);
        if (!lookBackViews.TryGetValue(key, out var lookBack))
        {
            ConfigNode? below = index switch
            {
                0 => null,
                1 => items[0],
                _ => new MergeNode(items.Take(index).ToList(), items[index - 1].Origin),
            };
            lookBack = new ResolveView(parent, path, below, index == 0 ? DirectSubstitutions(items[0]) : []);
            lookBackViews[key] = lookBack;
        }

        return lookBack;
    }

    /// <summary>
    /// Resolves the lower parts of a long stack of self-references (say 500 <c>+=</c> to one list)
    /// from the bottom up, so that each look-back finds the one below it memoized instead of
    /// recursing through all of them. Best effort: a failure here is left for the real evaluation,
    /// which may never need the failing part.
    /// </summary>
    private void WarmUp(ResolveView view, HoconPath path, IReadOnlyList<ConfigNode> items, int index)
    {
        var key = (WithoutLookBackAt(view, path), path, items[0]);
        var start = warmedUpTo.GetValueOrDefault(key, 1);
        warmedUpTo[key] = Math.Max(start, index);
        for (var below = start; below < index; below++)
        {
            var lookBack = LookBackView(view, path, items, below);
            try
            {
                Collapse(lookBack, path, lookBack.Replacement!);
            }
            catch (Exception error) when (error is HoconException or SubstitutionCycle or ReentrySignal or MarkerReached)
            {
                // Left for the real evaluation.
            }
        }
    }

    private static ResolveView WithoutLookBackAt(ResolveView view, HoconPath path)
    {
        while (view.Parent is { } parent && path.Equals(view.ReplacedPath))
        {
            view = parent;
        }

        return view;
    }

    /// <summary>
    /// Whether a substitution written in the value looks up the field itself (or inside it), as in
    /// <c>a = ${a} [1]</c> or <c>a += 1</c>. Such a lookup is bound to re-enter the field, so the
    /// value goes straight to looking back.
    /// </summary>
    private static bool NamesItsOwnField(ConfigNode item, HoconPath path) =>
        DirectSubstitutions(item).Any(substitution => path.IsPrefixOf(substitution.Prefix.Concat(substitution.Path)));

    private static IEnumerable<SubstitutionNode> DirectSubstitutions(ConfigNode item) => item switch
    {
        SubstitutionNode substitution => [substitution],
        ConcatNode concat => concat.Pieces.Select(piece => piece.Node).OfType<SubstitutionNode>(),
        _ => [],
    };

    private static ValueNode? AsNode(HoconValue? value) => value is null ? null : new ValueNode(value);

    /// <summary>
    /// A lookup came back to a path it is still resolving. If a self-referential value of that very
    /// field is being resolved it can look back; otherwise the cycle cannot be broken.
    /// </summary>
    private Exception Reentry(ResolveView view, HoconPath path) =>
        selfReferences.Contains((view, path)) ? new ReentrySignal(view, path) : Cycle();

    private SubstitutionCycle Cycle()
    {
        if (substitutions.Count == 0)
        {
            return new SubstitutionCycle(root.Origin, "the configuration refers to itself in a cycle");
        }

        var last = substitutions[^1];
        var chain = string.Join(" -> ", substitutions.Select(substitution => substitution.Render()));
        return new SubstitutionCycle(last.Origin, $"substitution cycle: {last.Render()} cannot be resolved because its value depends on itself (lookups in progress: {chain})");
    }
}
