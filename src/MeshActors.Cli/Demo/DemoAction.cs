namespace MeshActors.Cli.Demo;

/// <summary>One operator command: a verb and, except for <see cref="DemoVerb.Quit"/>, a node number (1-based).</summary>
internal sealed record DemoAction(DemoVerb Verb, int Node)
{
    /// <summary>The line commands, for help texts.</summary>
    public const string LineHelp = "kill N | restart N | leave N | quit (or k N, r N, l N, q)";

    public static DemoAction Quit { get; } = new(DemoVerb.Quit, 0);

    /// <summary>Parses a line such as "kill 3", "k 3", "restart 3", "leave 3" or "quit"; null with an error otherwise.</summary>
    public static DemoAction? Parse(string line, out string? error)
    {
        error = null;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DemoVerb? verb = words.Length == 0 ? null : words[0].ToLowerInvariant() switch
        {
            "k" or "kill" => DemoVerb.Kill,
            "r" or "restart" => DemoVerb.Restart,
            "l" or "leave" => DemoVerb.Leave,
            "q" or "quit" or "exit" => DemoVerb.Quit,
            _ => null,
        };
        if (verb == DemoVerb.Quit && words.Length == 1)
        {
            return Quit;
        }

        if (verb is { } v && words.Length == 2 && int.TryParse(words[1], out var node))
        {
            return new DemoAction(v, node);
        }

        error = $"'{line.Trim()}' is not a demo command; use {LineHelp}";
        return null;
    }
}
