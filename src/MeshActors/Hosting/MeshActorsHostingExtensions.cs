using Akka.Hosting;
using MeshActors.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>For hosts with no Akka.NET set-up yet: one call adds an ActorSystem named after the
/// cluster id, with MeshActors in it. The <c>MeshActors.Node</c> executable uses the same call.</summary>
public static class MeshActorsHostingExtensions
{
    /// <summary>Loads the configuration (reference.conf &lt; files &lt; environment &lt; overrides),
    /// sets the log level, and adds the ActorSystem with <c>WithMeshActors()</c>.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="sources">Files, environment and overrides; null: the process's environment only.</param>
    /// <param name="akka">More Akka.Hosting set-up for the same ActorSystem (your own actors, shard regions…).</param>
    /// <exception cref="ConfigFileException">A file is missing or malformed.</exception>
    /// <exception cref="ConfigValidationException">Settings are invalid; every problem is listed.</exception>
    public static IHostApplicationBuilder AddMeshActors(this IHostApplicationBuilder builder, ConfigSources? sources = null, Action<AkkaConfigurationBuilder, IServiceProvider>? akka = null)
    {
        var config = MeshConfigLoader.Load(sources ?? new ConfigSources { Environment = ConfigSources.ProcessEnvironment() });
        builder.Logging.SetMinimumLevel(config.Options.LogLevel);
        builder.Services.AddMeshActors(config, akka);
        return builder;
    }

    /// <summary>Adds an ActorSystem named after <paramref name="config"/>'s cluster id, with Akka's
    /// logs sent to <c>ILogger</c>, MeshActors added, then <paramref name="akka"/>.</summary>
    public static IServiceCollection AddMeshActors(this IServiceCollection services, LoadedConfig config, Action<AkkaConfigurationBuilder, IServiceProvider>? akka = null)
    {
        var node = new MeshNode(config, TimeProvider.System);
        services.AddSingleton(config);
        services.AddSingleton(node);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = config.Options.ShutdownTimeout);

        // Registered before Akka's hosted service, so it binds first: a taken control port stops
        // the host before the node joins the cluster.
        services.AddHostedService(provider => new ControlStarter(node, provider.GetRequiredService<ILoggerFactory>()));
        services.AddAkka(config.Options.Cluster.Id, (builder, provider) =>
        {
            builder.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            builder.WithMeshActors(setup =>
            {
                setup.Config = config;
                setup.Node = node;
            });
            akka?.Invoke(builder, provider);
        });
        return services;
    }
}
