using MeshActors.Configuration;
using MeshActors.Configuration.Hocon;
using MeshActors.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>Embeds a MeshActors node in any .NET host; the <c>MeshActors.Node</c> executable uses the same calls.</summary>
public static class MeshActorsHostingExtensions
{
    /// <summary>
    /// Loads the configuration (reference.conf &lt; files &lt; environment &lt; overrides), exposes it
    /// through <see cref="IHostApplicationBuilder.Configuration"/> (keys like
    /// <c>meshactors:control:port</c>), sets the log level, and registers the node.
    /// </summary>
    /// <exception cref="HoconException">A file or value is malformed.</exception>
    /// <exception cref="ConfigValidationException">Settings are invalid; every problem is listed.</exception>
    public static IHostApplicationBuilder AddMeshActors(this IHostApplicationBuilder builder, ConfigSources? sources = null)
    {
        sources ??= new ConfigSources { Environment = ConfigSources.ProcessEnvironment() };
        var config = MeshConfigLoader.Load(sources);
        builder.Configuration.AddHocon(() => MeshConfigLoader.CreateLoader(sources));
        builder.Logging.SetMinimumLevel(config.Options.LogLevel);
        builder.Services.AddMeshActors(config);
        return builder;
    }

    /// <summary>Registers a node that runs with <paramref name="config"/>: the node itself and its
    /// control endpoint, as hosted services, plus the configuration for injection.</summary>
    public static IServiceCollection AddMeshActors(this IServiceCollection services, LoadedConfig config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Diagnostics.IAuditSink, Diagnostics.LoggerAuditSink>();
        services.AddSingleton(config);
        services.AddSingleton(config.Options);
        services.AddSingleton<MeshNode>();
        services.AddHostedService(sp => sp.GetRequiredService<MeshNode>());
        services.AddSingleton<ControlServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlServer>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = config.Options.ShutdownTimeout);
        return services;
    }
}
