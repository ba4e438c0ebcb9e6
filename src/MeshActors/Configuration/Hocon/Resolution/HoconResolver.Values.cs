using MeshActors.Configuration.Hocon.Tree;

namespace MeshActors.Configuration.Hocon.Resolution;

/// <summary>Values that are not addressed by a path of their own, and substitutions.</summary>
internal sealed partial class HoconResolver
{
    /// <summary>
    /// Resolves a node that is not itself a field: an array element, a piece of a concatenation, or
    /// a field value once its merge has been decided. Returns null for an undefined value.
    /// </summary>
    private HoconValue? ResolveDetached(ResolveView view, ConfigNode node)
    {
        Step(node.Origin);
        switch (node)
        {
            case ValueNode value:
                return value.Value;
            case SubstitutionNode substitution:
                return ResolveSubstitution(view, substitution);
            case ConcatNode concat:
                return ConcatEvaluator.Evaluate(concat, piece => ResolveDetached(view, piece)) is { } joined ? Checked(joined) : null;
            case ArrayNode array:
                var items = array.Items.Select(item => ResolveDetached(view, item)).OfType<HoconValue>().ToList();
                return Checked(new HoconArray(items, array.Origin));
            case ObjectNode obj:
                var fields = new List<KeyValuePair<string, HoconValue>>();
                foreach (var key in obj.Keys)
                {
                    if (ResolveDetached(view, obj[key]) is { } child)
                    {
                        fields.Add(new(key, child));
                    }
                }

                return Checked(new HoconObject(fields, obj.Origin));
            case MergeNode stack:
                return ResolveDetachedMerge(view, stack);
            default:
                throw new InvalidOperationException($"unexpected node {node.GetType().Name}");
        }
    }

    /// <summary>A merge inside an array element: folded like a field's merge, without looking back.</summary>
    private HoconValue? ResolveDetachedMerge(ResolveView view, MergeNode stack)
    {
        var objects = new List<HoconObject>();
        for (var i = stack.Items.Count - 1; i >= 0; i--)
        {
            var value = ResolveDetached(view, stack.Items[i]);
            if (value is HoconObject obj)
            {
                objects.Add(obj);
            }
            else if (value is not null)
            {
                return objects.Count == 0 ? value : Merged(objects);
            }
        }

        return objects.Count == 0 ? null : Merged(objects);

        static HoconObject Merged(List<HoconObject> newestFirst) =>
            Enumerable.Reverse(newestFirst).Aggregate(ValueMerger.Merge);
    }

    private HoconValue? ResolveSubstitution(ResolveView view, SubstitutionNode substitution)
    {
        substitutions.Add(substitution);
        HoconValue? value;
        try
        {
            value = Lookup(view, substitution);
        }
        catch (SubstitutionCycle) when (substitution.Optional)
        {
            value = null;
        }
        finally
        {
            substitutions.RemoveAt(substitutions.Count - 1);
        }

        return value is null && !substitution.Optional
            ? throw new HoconException(substitution.Origin, $"could not resolve substitution {substitution.Render()}")
            : value;
    }

    private HoconValue? Lookup(ResolveView view, SubstitutionNode substitution)
    {
        HoconValue? value = null;
        if (substitution.Prefix.Count > 0)
        {
            value = Find(view, substitution.Prefix.Concat(substitution.Path), substitution);
        }

        if (value is null && (substitution.Prefix.Count == 0 || substitution.FallbackToRoot))
        {
            value = Find(view, substitution.Path, substitution);
        }

        return value ?? FromEnvironment(substitution);
    }

    private HoconValue? Find(ResolveView view, HoconPath path, SubstitutionNode substitution)
    {
        try
        {
            return ResolvePath(view, path);
        }
        catch (MarkerReached marker)
        {
            // "a = ${a}" with no older a: the reference is undefined. Reached any other way, a cycle.
            if (marker.View == view && marker.View.IsDirect(substitution) && marker.Path.IsPrefixOf(path))
            {
                return null;
            }

            throw Cycle();
        }
    }

    private HoconString? FromEnvironment(SubstitutionNode substitution)
    {
        if (!options.UseEnvironmentFallback)
        {
            return null;
        }

        var name = string.Join('.', substitution.Path.Segments);
        var lookup = options.EnvironmentLookup ?? Environment.GetEnvironmentVariable;
        var text = lookup(name);
        return string.IsNullOrEmpty(text) ? null : new HoconString(text, new HoconOrigin($"environment variable {name}", 1, 1));
    }
}
