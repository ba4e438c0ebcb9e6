using Akka.Actor;
using Akka.Configuration;
using Akka.DependencyInjection;
using Akka.Event;
using MeshActors.Configuration;
using MeshActors.Hosting;
using MeshActors.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// Reads a plugin's settings from the ActorSystem's configuration: <c>meshactors.*</c> over the
/// embedded reference.conf, bound and checked by the same binders a MeshActors node uses. A
/// plugin may add one layer of its own on top (e.g. <c>enabled = true</c>, because selecting the
/// method is what turns the provider on). Environment variables are not read: an Akka.NET
/// application's own configuration decides.
/// </summary>
internal static class PluginSettings
{
    /// <summary>Binds with <paramref name="bind"/>.</summary>
    /// <exception cref="ConfigurationException">A setting is invalid; the message names the method and every bad setting with its fix (the inner <see cref="ConfigValidationException"/> lists them).</exception>
    public static T Bind<T>(ExtendedActorSystem system, string method, string pluginLayer, Func<ConfigReader, T> bind)
    {
        try
        {
            var merged = MeshConfigLoader.Merge(new ConfigSources(), system.Settings.Config);
            var layers = pluginLayer.Length == 0 ? merged : new LayeredConfig([.. merged.Layers, new ConfigLayer($"the {method} plugin", pluginLayer)], merged.WorkingDirectory);
            var reader = new ConfigReader(layers);
            var options = bind(reader);
            return reader.Errors.Count == 0 ? options : throw new ConfigValidationException(reader.Errors);
        }
        catch (Exception ex) when (ex is ConfigValidationException or ConfigFileException)
        {
            throw CannotStart(system, method, ex.Message, ex);
        }
    }

    /// <summary>The error that stops a method from loading, logged first: Akka.Discovery creates
    /// the method by reflection, so the caller sees it as the inner exception of a
    /// <see cref="System.Reflection.TargetInvocationException"/>, while the log shows it as is.</summary>
    public static ConfigurationException CannotStart(ExtendedActorSystem system, string method, string problem, Exception? cause = null)
    {
        var message = $"akka.discovery.{method} cannot start: {problem}";
        Logging.GetLogger(system, typeof(MeshActorsServiceDiscovery)).Error(message);
        return cause is null ? new ConfigurationException(message) : new ConfigurationException(message, cause);
    }

    /// <summary>What the providers know of the process: the ActorSystem's name as cluster id and
    /// Akka.Hosting's logger factory when there is one. The local address is empty with port 0,
    /// so a provider's "0: this node's own port" yields targets without a port, as Akka's own
    /// methods do when a record carries none; mDNS sets the remoting address it advertises.</summary>
    public static DiscoveryContext Context(ExtendedActorSystem system, string nodeId = "akka-discovery", string dataDir = "") => new()
    {
        NodeId = nodeId,
        ClusterId = system.Name,
        LocalAddress = new NodeAddress("", 0),
        DataDir = dataDir.Length > 0 ? dataDir : Path.GetTempPath(),
        LoggerFactory = Loggers(system),
    };

    /// <summary>Reads <c>meshactors.node.id</c> and <c>meshactors.node.data-dir</c> as a node does.</summary>
    public static (string Id, string DataDir) Node(ConfigReader r) =>
        (r.Identifier("meshactors.node.id", "use letters, digits, '-', '_' or '.', or leave it empty to generate one", allowEmpty: true),
         r.FilePath("meshactors.node.data-dir", "set a folder path such as \"meshactors-data\""));

    /// <summary>This process's node id: <c>meshactors.node.id</c>, or one generated once and kept
    /// in the data folder (as a node does), for providers that advertise or remember this process.</summary>
    public static string NodeId(ExtendedActorSystem system, string id, string dataDir, string method)
    {
        var node = new NodeOptions
        {
            Id = id,
            DataDir = dataDir,
            Metadata = new NodeMetadataOptions { Roles = [], AppVersion = "", Region = "", Zone = "", Capacity = 100, Labels = new Dictionary<string, string>() },
        };
        try
        {
            return NodeIdentityStore.LoadOrCreate(node, EntropyRandomSource.Create()).NodeId;
        }
        catch (ConfigValidationException ex)
        {
            throw CannotStart(system, method, ex.Message, ex);
        }
    }

    private static ILoggerFactory Loggers(ExtendedActorSystem system)
    {
        if (system.Settings.Setup.Get<DependencyResolverSetup>().HasValue)
        {
            return DependencyResolver.For(system).Resolver.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        }

        return NullLoggerFactory.Instance;
    }
}
