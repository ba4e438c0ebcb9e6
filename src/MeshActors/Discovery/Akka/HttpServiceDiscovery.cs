using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.Http;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-http</c>: the seed list served at <c>meshactors.discovery.http.url</c> (a JSON
/// list of "host:port", with ETag), fetched on every lookup, whatever its service name. The
/// <c>url</c> is required; <c>timeout</c> and <c>ca</c> apply as for a node.
/// </summary>
public sealed class HttpServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-http";

    private const string Settings = "meshactors.discovery.http.";

    private readonly Func<IDiscoveryProvider> _create;
    private readonly TimeSpan _timeout;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-http</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting of <c>meshactors.discovery.http</c> is invalid or <c>url</c> is missing; the message names it.</exception>
    public HttpServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        // Selecting the method turns the provider on, which makes url required.
        var options = PluginSettings.Bind(system, MethodName, Settings + "enabled = true", HttpDiscoveryOptions.Bind);
        var context = PluginSettings.Context(system);
        _timeout = options.Timeout;
        _create = () => new HttpDiscoveryProvider(options, context);
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.http</c>).</summary>
    public HttpServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    /// <summary>Over a provider given directly, without an ActorSystem (tests).</summary>
    internal HttpServiceDiscovery(IDiscoveryProvider provider)
        : base(null, MethodName)
    {
        _create = () => provider;
    }

    private protected override string TimeoutHint =>
        $"check that {Settings}url answers, or give the lookup more time than {Settings}timeout ({_timeout.TotalMilliseconds:0} ms)";

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) => ("", _create);
}
