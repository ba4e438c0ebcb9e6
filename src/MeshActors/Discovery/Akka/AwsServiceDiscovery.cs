using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.Aws;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-aws</c>: the running EC2 instances carrying every tag of
/// <c>meshactors.discovery.aws.tags</c> (DescribeInstances, signed with SigV4 from the standard
/// credential chain), on every lookup, whatever its service name. The port is <c>port</c> or the
/// instance's <c>port-tag</c>; with both unset the targets have no port.
/// </summary>
public sealed class AwsServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-aws";

    private const string Settings = "meshactors.discovery.aws.";

    private readonly Func<IDiscoveryProvider> _create;
    private readonly TimeSpan _timeout;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-aws</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting of <c>meshactors.discovery.aws</c> is invalid or <c>tags</c> is empty; the message names it.</exception>
    public AwsServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        // Selecting the method turns the provider on, which makes tags required.
        var options = PluginSettings.Bind(system, MethodName, Settings + "enabled = true", AwsDiscoveryOptions.Bind);
        var context = PluginSettings.Context(system);
        _timeout = options.RequestTimeout;
        _create = () => new AwsDiscoveryProvider(options, context);
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.aws</c>).</summary>
    public AwsServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    /// <summary>Over a provider given directly, without an ActorSystem (tests).</summary>
    internal AwsServiceDiscovery(IDiscoveryProvider provider)
        : base(null, MethodName)
    {
        _create = () => provider;
    }

    private protected override string TimeoutHint =>
        $"check the EC2 endpoint and credentials, or give the lookup more time than {Settings}request-timeout ({_timeout.TotalMilliseconds:0} ms) per page";

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) => ("", _create);
}
