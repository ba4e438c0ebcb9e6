using MeshActors.Configuration;
using MeshActors.Configuration.Hocon;
using MeshActors.Hosting;
using MeshActors.Node;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

var (arguments, error) = NodeArguments.Parse(args, ConfigSources.ProcessEnvironment());
if (arguments is null)
{
    Console.Error.WriteLine($"error: {error}");
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(NodeArguments.Usage);
    return 0;
}

try
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
    builder.Logging.AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss.fff ";
        o.ColorBehavior = LoggerColorBehavior.Disabled;
    });
    builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
    builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
    builder.AddMeshActors(arguments.Sources);
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (HoconException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (ConfigValidationException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
