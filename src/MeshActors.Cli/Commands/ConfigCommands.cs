using System.CommandLine;
using MeshActors.Configuration;
using MeshActors.Hosting;

namespace MeshActors.Cli.Commands;

/// <summary><c>meshctl config resolve</c> and <c>meshctl config defaults</c>.</summary>
internal static class ConfigCommands
{
    public static Command Build()
    {
        var files = new Argument<string[]>("FILE") { Description = "HOCON files, lowest precedence first", Arity = ArgumentArity.ZeroOrMore };
        var sets = new Option<string[]>("--set") { Description = "override a setting: path=value (HOCON value); repeatable" };
        var noEnv = new Option<bool>("--no-env") { Description = "ignore MESHACTORS__* environment variables" };
        var resolve = new Command("resolve", "Print the fully resolved configuration as JSON, as a node given the same files would run with; exit 2 with every error if it is invalid") { files, sets, noEnv };
        resolve.SetAction(parse => Resolve(new ConfigSources
        {
            Files = parse.GetValue(files) ?? [],
            Overrides = parse.GetValue(sets) ?? [],
            Environment = parse.GetValue(noEnv) ? new Dictionary<string, string>() : ConfigSources.ProcessEnvironment(),
        }));

        var defaults = new Command("defaults", "Print the built-in defaults (reference.conf) resolved, as JSON");
        defaults.SetAction(_ =>
        {
            Console.Out.WriteLine(ResolvedConfig.ToJson(MeshConfigLoader.Load(new ConfigSources())));
            return 0;
        });

        return new Command("config", "Work with MeshActors configuration") { resolve, defaults };
    }

    private static int Resolve(ConfigSources sources)
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
        catch (ConfigFileException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Meshctl.InvalidInput;
        }
        catch (ConfigValidationException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return Meshctl.InvalidInput;
        }
    }
}
