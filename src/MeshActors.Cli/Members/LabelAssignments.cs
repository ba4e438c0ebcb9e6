using MeshActors.Security;

namespace MeshActors.Cli.Members;

/// <summary>
/// Reads the <c>KEY=VALUE</c> arguments of <c>meshctl members label</c>. A key follows the node's
/// rule for label names (<see cref="MeshIdentity.IdRule"/>); a value is any text, empty included.
/// Every problem names the argument it is about.
/// </summary>
internal static class LabelAssignments
{
    /// <summary>How many labels a node accepts (the control endpoint's limit).</summary>
    public const int MaxLabels = 64;

    /// <summary>The labels <paramref name="arguments"/> assign, or null with the first problem.</summary>
    public static IReadOnlyDictionary<string, string>? Parse(IReadOnlyList<string> arguments, out string? error)
    {
        error = null;
        if (arguments.Count == 0)
        {
            error = "give at least one label as KEY=VALUE, e.g. meshctl members label team=payments";
            return null;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var split = argument.IndexOf('=', StringComparison.Ordinal);
            if (split < 0)
            {
                error = $"'{argument}' is not KEY=VALUE; write e.g. team=payments (an empty value is team=)";
                return null;
            }

            var key = argument[..split];
            if (!MeshIdentity.IsValidId(key))
            {
                error = $"'{argument}': the key \"{key}\" is not a label name ({MeshIdentity.IdRule})";
                return null;
            }

            if (!labels.TryAdd(key, argument[(split + 1)..]))
            {
                error = $"'{argument}': the key \"{key}\" is given twice; give each key once";
                return null;
            }
        }

        if (labels.Count > MaxLabels)
        {
            error = $"{labels.Count} labels given; a node keeps at most {MaxLabels}";
            return null;
        }

        return labels;
    }
}
