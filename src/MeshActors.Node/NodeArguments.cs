using MeshActors.Configuration;

namespace MeshActors.Node;

/// <summary>The node's command line: <c>--config FILE</c> and <c>--set path=value</c>, both repeatable.</summary>
internal sealed record NodeArguments(ConfigSources Sources, bool ShowHelp)
{
    public const string Usage = """
        Usage: MeshActors.Node [--config FILE]... [--set path=value]...

        Runs a MeshActors node. With no options it runs a single-node mesh on the defaults of
        hocon/reference.conf, with its control endpoint on http://127.0.0.1:7070.

          --config FILE        HOCON file to layer over the defaults (repeatable; later wins)
          --set path=value     override one setting; the value is HOCON, e.g.
                               --set meshactors.control.port=0
                               --set 'meshactors.cluster.id="payments"'
          --help               show this text

        Environment: MESHACTORS__A__B=value sets meshactors.a.b (see hocon/reference.conf).
        Exit codes: 0 clean stop, 1 failure while running, 2 invalid arguments or configuration.
        """;

    /// <summary>Parses <paramref name="args"/>; a problem is returned as a message, never thrown.</summary>
    public static (NodeArguments? Arguments, string? Error) Parse(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var files = new List<string>();
        var overrides = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return (new NodeArguments(new ConfigSources(), ShowHelp: true), null);
                case "--config" or "--set":
                    var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (string.IsNullOrEmpty(value))
                    {
                        return (null, name == "--config" ? "--config needs a file path: --config node.conf" : "--set needs path=value: --set meshactors.control.port=7071");
                    }

                    (name == "--config" ? files : overrides).Add(value);
                    break;
                default:
                    return (null, $"unknown argument '{args[i]}'. Use --config FILE or --set path=value (--help for more).");
            }
        }

        return (new NodeArguments(new ConfigSources { Files = files, Overrides = overrides, Environment = environment }, ShowHelp: false), null);
    }
}
