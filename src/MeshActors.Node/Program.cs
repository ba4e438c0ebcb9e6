using MeshActors.Configuration;
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

    // Start-up failures are reported below, once and without a stack trace.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    builder.Logging.AddFilter("Akka.Hosting.AkkaHostedService", LogLevel.None);
    builder.Logging.AddFilter("Akka", LogLevel.Warning);
    builder.Services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>();
    builder.AddMeshActors(arguments.Sources);
    using var host = builder.Build();
    try
    {
        await host.RunAsync();
    }
    catch (OperationCanceledException)
    {
        // Ctrl-C or SIGTERM arrived while the node was still starting: a clean stop all the same.
        Console.Out.WriteLine("Stopped during start-up.");
    }

    return 0;
}
catch (ConfigFileException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (MeshActors.Security.CertificateFileException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (ConfigValidationException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"error: the node failed: {ex.Message}");
    return 1;
}
