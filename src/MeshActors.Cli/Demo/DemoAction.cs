using System.Globalization;
using System.Text.RegularExpressions;

namespace MeshActors.Cli.Demo;

/// <summary>One operator command: a verb and, except for <see cref="DemoVerb.Quit"/>, a node number (1-based).</summary>
internal sealed partial record DemoAction(DemoVerb Verb, int Node)
{
    /// <summary>The line commands, for help texts.</summary>
    public const string LineHelp = "kill N | restart N | leave N | quit (or k N, r N, l N, q; the space is optional: k2)";

    public static DemoAction Quit { get; } = new(DemoVerb.Quit, 0);

    /// <summary>
    /// Parses a line such as "kill 3", "k 3", "k3", "restart 3", "r3", "leave 3", "l3" or "quit"
    /// (any case, space between verb and number optional); null with an error otherwise.
    /// </summary>
    public static DemoAction? Parse(string line, out string? error)
    {
        error = null;
        var match = Command().Match(line);
        if (!match.Success)
        {
            error = $"'{line.Trim()}' is not a demo command; use {LineHelp}";
            return null;
        }

        var verb = VerbOf(match.Groups["verb"].Value);
        var number = match.Groups["node"];
        if (verb == DemoVerb.Quit)
        {
            error = number.Success ? $"'{line.Trim()}': quit takes no node number; type q" : null;
            return number.Success ? null : Quit;
        }

        if (!number.Success)
        {
            error = $"'{line.Trim()}': which node? e.g. {match.Groups["verb"].Value.ToLowerInvariant()} 2";
            return null;
        }

        return new DemoAction(verb, int.Parse(number.Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The verb a command word or its first letter names.</summary>
    public static DemoVerb VerbOf(string word) => word.ToLowerInvariant() switch
    {
        "k" or "kill" => DemoVerb.Kill,
        "r" or "restart" => DemoVerb.Restart,
        "l" or "leave" => DemoVerb.Leave,
        _ => DemoVerb.Quit,
    };

    [GeneratedRegex(@"^\s*(?<verb>kill|k|restart|r|leave|l|quit|q|exit)\s*(?<node>\d{1,4})?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
