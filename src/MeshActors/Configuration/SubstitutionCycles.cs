using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace MeshActors.Configuration;

/// <summary>
/// Finds a substitution that refers to itself, directly (<c>a = ${a}-x</c>) or through others or
/// an enclosing object (<c>a { b = ${a} }</c>). Akka's parser resolves every <c>${path}</c> to the
/// path's final value, so a self-reference (which HOCON reads as "the value before this line")
/// becomes a loop: reading the value overflows the stack and ends the process. Checked right
/// after parsing, before anything reads a value.
/// </summary>
internal static class SubstitutionCycles
{
    /// <summary>The path of a substitution in <paramref name="config"/> that leads back to itself, or null.</summary>
    public static string? Find(Config config)
    {
        // false: being visited (on the current path); true: visited, no cycle below it.
        var state = new Dictionary<HoconValue, bool>(ReferenceEqualityComparer.Instance);
        return config.Root is null ? null : Visit(config.Root, "");

        string? Visit(HoconValue value, string via)
        {
            if (state.TryGetValue(value, out var done))
            {
                return done ? null : via;
            }

            state[value] = false;
            foreach (var element in value.Values)
            {
                var found = element switch
                {
                    HoconObject o => o.Items.Select(item => Visit(item.Value, via)).FirstOrDefault(p => p is not null),
                    HoconArray a => a.Select(item => Visit(item, via)).FirstOrDefault(p => p is not null),
                    HoconSubstitution { ResolvedValue: { } resolved } s => Visit(resolved, s.Path),
                    _ => null,
                };
                if (found is not null)
                {
                    return found;
                }
            }

            state[value] = true;
            return null;
        }
    }
}
