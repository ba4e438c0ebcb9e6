using System.CommandLine;
using MeshActors.Configuration;
using MeshActors.Hosting;

namespace MeshActors.Cli.Commands;

/// <summary>
/// <c>meshctl config resolve</c> and <c>meshctl config defaults</c>. Both print
/// <see cref="ResolvedConfig.ToJson"/>: the <c>meshactors</c> section (known settings only) and the
/// <c>akka</c> section a node given the same sources runs with.
/// </summary>
internal static class ConfigCommands
{
    public static Command Build()
    {
        var files = new Argument<string[]>("FILE") { Description = "HOCON files, lowest precedence first; relative paths are read from the current directory", Arity = ArgumentArity.ZeroOrMore };
        var sets = new Option<string[]>("--set") { Description = "override a setting: path=value (HOCON value); repeatable" };
        var noEnv = new Option<bool>("--no-env") { Description = "ignore MESHACTORS__* environment variables" };
        var resolve = new Command(
            "resolve",
            "Print the configuration a node given the same files, environment and --set would run with, as JSON (meshactors and akka sections); exit 2 with every error if it is invalid")
        {
            files, sets, noEnv,
        };
        resolve.SetAction(parse => Print(new ConfigSources
        {
            Files = parse.GetValue(files) ?? [],
            Overrides = parse.GetValue(sets) ?? [],
            Environment = parse.GetValue(noEnv) ? new Dictionary<string, string>() : ConfigSources.ProcessEnvironment(),
            WorkingDirectory = Environment.CurrentDirectory,
        }));

        var defaults = new Command(
            "defaults",
            "Print the built-in defaults (reference.conf, no files, no environment) resolved as JSON, in the same shape as 'config resolve'");
        defaults.SetAction(_ => Print(new ConfigSources()));

        return new Command("config", "Work with MeshActors configuration") { resolve, defaults };
    }

    private static int Print(ConfigSources sources)
    {
        try
        {
            var config = MeshConfigLoader.Load(sources);
            foreach (var warning in config.Warnings)
            {
                Console.Error.WriteLine("warning: " + warning);
            }

            Console.Out.WriteLine(ResolvedConfig.ToJson(config));
            return 0;
        }
        catch (Exception ex) when (ex is ConfigFileException or ConfigValidationException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Meshctl.InvalidInput;
        }
    }
}
