using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Remote.Hosting;
using MeshActors.Configuration;
using Microsoft.Extensions.Logging;

namespace MeshActors.Hosting;

/// <summary>Adds MeshActors to an Akka.NET application built with Akka.Hosting.</summary>
public static class MeshActorsAkkaExtensions
{
    /// <summary>
    /// Adds remoting with mutual TLS, clustering with the split-brain resolver (keep-majority) and
    /// the membership profile's timings, MeshActors' actors under <c>/user/mesh</c>, and the
    /// control endpoint. Settings come from <c>meshactors.*</c>: reference.conf, then the
    /// application's HOCON added with <c>AddHocon</c> <b>before</b> this call, then
    /// <c>MESHACTORS__…</c> environment variables, then what <paramref name="configure"/> adds.
    /// The ActorSystem's name must be the cluster id (<c>meshactors.cluster.id</c>).
    /// </summary>
    /// <exception cref="ConfigValidationException">A setting is invalid; every problem is listed.</exception>
    /// <exception cref="ConfigFileException">A configuration file is missing or malformed.</exception>
    public static AkkaConfigurationBuilder WithMeshActors(this AkkaConfigurationBuilder builder, Action<MeshActorsSetup>? configure = null)
    {
        var setup = new MeshActorsSetup();
        configure?.Invoke(setup);
        var application = builder.Configuration.HasValue ? builder.Configuration.Value : null;
        RefuseManagementAutostart(application);
        var config = setup.Config ?? MeshConfigLoader.Load(setup.Sources, application);
        RefuseManagementHttpSettings(config);
        var node = setup.Node ?? new MeshNode(config, setup.Time);
        var options = config.Options;
        var transport = options.Transport;

        // akka.* keys set in MeshActors' own layers (the application's HOCON, files, MESHACTORS__
        // variables, --set) win over what MeshActors derives, as `meshctl config resolve` shows.
        var derived = ConfigurationFactory.ParseString(AkkaSettings.Hocon(options));
        var akka = config.Root.HasPath("akka") ? ConfigurationFactory.ParseString("akka {\n" + config.Root.GetConfig("akka").Root + "\n}").WithFallback(derived) : derived;
        builder.AddHocon(akka.WithFallback(Discovery.Akka.MeshActorsDiscoveryConfig.Default), HoconAddMode.Append);

        // The node's own meshactors.* settings (every layer merged), so that the Akka.Discovery
        // methods Cluster Bootstrap loads (meshactors-dns, ...) read what the node was given, not
        // bare reference.conf: they read meshactors.* from the ActorSystem's configuration.
        builder.AddHocon(ConfigurationFactory.ParseString("meshactors = " + HoconJson.ToText(config.Root.GetValue("meshactors"))), HoconAddMode.Append);
        var remote = new RemoteOptions
        {
            HostName = transport.Host,
            Port = transport.Port,
            PublicHostName = transport.AdvertisedHost.Length > 0 ? transport.AdvertisedHost : transport.Host,
            EnableSsl = node.Tls is not null,
        };
        if (node.Tls is not null)
        {
            remote.Ssl = node.Tls.ToSslOptions();
        }

        builder.AddSetup(new Discovery.Coordination.MeshDiscoverySetup(node.DiscoveryContext, node.PeerCache) { Options = options.Discovery, Metrics = node.Metrics.Registry });
        builder.WithRemoting(remote);
        builder.WithClustering(new Akka.Cluster.Hosting.ClusterOptions
        {
            Roles = [.. options.Node.Metadata.Roles],
            AppVersion = options.Node.Metadata.AppVersion.Length > 0 ? options.Node.Metadata.AppVersion : null,
            SeedNodes = [.. SeedNodes.For(options.Cluster.Id, options.Discovery.Static.Seeds, node.Tls is not null)],
        });
        builder.WithActors(async (system, _, resolver) =>
        {
            var loggers = resolver.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
            try
            {
                await node.StartAsync(system, loggers).ConfigureAwait(false);
            }
            catch (Exception e) when (system.WhenTerminated.IsCompleted || CoordinatedShutdown.Get(system).ShutdownReason is not null)
            {
                // Stopped while starting (a SIGTERM right after launch): whatever start-up step met the
                // stopping ActorSystem (an ask, a child it may no longer create) did not fail the node.
                Diagnostics.MeshLog.StartupInterrupted(loggers.CreateLogger("MeshActors.Node"), CoordinatedShutdown.Get(system).ShutdownReason?.ToString() ?? "terminated", e.Message);
            }
        });
        return builder;
    }

    /// <summary>Akka.Management's autostart (its extension listed in <c>akka.extensions</c>)
    /// starts Akka.Management's own HTTP server, which fails as restored here (Akka.Http.Shim 1.5.73
    /// calls <c>Ceen.Httpd.HttpServer.ListenAsync</c> of Ceen 0.9.9; the registry serves 0.9.10,
    /// which lacks it), and on that failure Akka.Management terminates the ActorSystem. MeshActors
    /// serves the bootstrap route and starts Cluster Bootstrap itself, so refuse the autostart up
    /// front with the fix, rather than let the node die later.</summary>
    private static void RefuseManagementAutostart(Akka.Configuration.Config? application)
    {
        if (application is null || !application.HasPath("akka.extensions"))
        {
            return;
        }

        var listed = application.GetStringList("akka.extensions").Where(e => e.Contains("Akka.Management", StringComparison.Ordinal)).ToList();
        if (listed.Count > 0)
        {
            throw new ConfigValidationException([new ConfigError("akka.extensions", "the application's HOCON",
                $"lists {string.Join(", ", listed)}, which autostarts Akka.Management's HTTP server; as restored here it cannot start (MissingMethodException: Ceen.Httpd.HttpServer.ListenAsync) and then terminates the ActorSystem",
                "remove it: MeshActors serves the bootstrap route over mutual TLS and starts Cluster Bootstrap itself (settings stay under akka.management.cluster.bootstrap)")]);
        }
    }

    /// <summary>Akka.Management's HTTP settings (<c>akka.management.http.hostname</c>, <c>port</c>,
    /// <c>bind-hostname</c>, <c>bind-port</c>) place the endpoint Cluster Bootstrap probes. MeshActors
    /// serves that endpoint itself, over mutual TLS, at <c>meshactors.bootstrap.*</c>; a value set
    /// in Akka's words would silently do nothing, so it is refused with the setting to use.</summary>
    private static void RefuseManagementHttpSettings(LoadedConfig config)
    {
        (string Akka, string Ours)[] keys =
        [
            ("akka.management.http.hostname", "meshactors.bootstrap.advertised-host"),
            ("akka.management.http.port", "meshactors.bootstrap.port"),
            ("akka.management.http.bind-hostname", "meshactors.bootstrap.host"),
            ("akka.management.http.bind-port", "meshactors.bootstrap.port"),
        ];
        var errors = keys.Where(k => config.Root.HasPath(k.Akka))
            .Select(k => new ConfigError(k.Akka, config.Layers.OriginOf(k.Akka),
                "places Akka.Management's HTTP endpoint, which MeshActors does not start (it serves the bootstrap route itself, over mutual TLS)",
                $"set {k.Ours} instead"))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }
    }
}
