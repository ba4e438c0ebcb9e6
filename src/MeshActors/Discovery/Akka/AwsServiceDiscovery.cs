using Akka.Actor;
using Akka.Discovery;
using MeshActors.Discovery.Aws;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-aws</c>, with the settings of Akka.Discovery.AwsApi's <c>aws-api-ec2-tag-based</c>
/// under <c>meshactors.discovery.aws</c>: a lookup finds the running EC2 instances whose tag
/// <c>tag-key</c> equals the lookup's service name and that match <c>filters</c>
/// (DescribeInstances through AWSSDK.EC2, credentials from the standard AWS chain), one target
/// per port of <c>ports</c> per instance (none: targets without a port).
/// </summary>
public sealed class AwsServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-aws";

    private const string Settings = "meshactors.discovery.aws.";

    private readonly Func<string, IDiscoveryProvider> _create;
    private readonly TimeSpan _timeout;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-aws</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting of <c>meshactors.discovery.aws</c> is invalid (e.g. <c>filters</c>), or an old one is still set; the message names it and the fix.</exception>
    public AwsServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        // Selecting the method turns the provider on, which makes tag-key or filters required.
        var options = PluginSettings.Bind(system, MethodName, Settings + "enabled = true", AwsDiscoveryOptions.Bind);
        var context = PluginSettings.Context(system);
        _timeout = options.RequestTimeout;
        _create = service => new AwsDiscoveryProvider(options, context, service, credentials: null);
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.aws</c>).</summary>
    public AwsServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    /// <summary>Over a provider given directly, whatever the service name, without an ActorSystem (tests).</summary>
    internal AwsServiceDiscovery(IDiscoveryProvider provider)
        : base(null, MethodName)
    {
        _create = _ => provider;
    }

    private protected override string TimeoutHint =>
        $"check the EC2 endpoint and credentials, or give the lookup more time than {Settings}request-timeout ({_timeout.TotalMilliseconds:0} ms) per page";

    // One provider (and EC2 client) per service name: Cluster Bootstrap asks for one.
    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup) =>
        (lookup.ServiceName, () => _create(lookup.ServiceName));
}
