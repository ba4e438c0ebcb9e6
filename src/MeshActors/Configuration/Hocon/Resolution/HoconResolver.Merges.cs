using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>Merge stacks and self-referential values.</summary>
internal sealed partial class HoconResolver
{
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

        Enter(node.Origin);
        try
        {
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
            activeDepth--;
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
        selfReferences.Add((view, path));
        try
        {
            return ResolveDetached(view, item);
        }
        catch (ReentrySignal signal) when (signal.View == view && signal.Path.Equals(path))
        {
            // Self-referential: look back below.
        }
        finally
        {
            selfReferences.RemoveAt(selfReferences.Count - 1);
        }

        ConfigNode? below = index switch
        {
            0 => null,
            1 => items[0],
            _ => new MergeNode(items.Take(index).ToList(), items[index - 1].Origin),
        };
        var lookBack = new ResolveView(view, path, below, DirectSubstitutions(item));
        return ResolveDetached(lookBack, item);
    }

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
