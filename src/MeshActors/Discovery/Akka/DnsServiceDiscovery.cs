using Akka.Actor;
using Akka.Discovery;
using MeshActors.Dns;
using MeshActors.Discovery.Dns;

namespace MeshActors.Discovery.Akka;

/// <summary>
/// <c>meshactors-dns</c>, following Akka's DNS discovery convention: a lookup with a port name
/// and a protocol asks for the SRV records of <c>_{port}._{protocol}.{service}</c> (each target on
/// its SRV port, host = the target's name); a lookup without them asks for the A and AAAA records
/// of the service name (port <c>meshactors.discovery.dns.port</c>, or none when it is 0). The
/// questions are asked through DnsClient's <c>LookupClient</c> by <see cref="DnsDiscoveryProvider"/>. The
/// server, timeout and attempts come from <c>meshactors.discovery.dns</c>; its <c>srv</c>,
/// <c>host</c> and <c>enabled</c> are not used (the lookup names what to ask for).
/// </summary>
public sealed class DnsServiceDiscovery : MeshActorsServiceDiscovery
{
    /// <summary>The method name.</summary>
    public const string MethodName = "meshactors-dns";

    private const string Settings = "meshactors.discovery.dns.";

    private readonly DnsDiscoveryOptions _options;
    private readonly DiscoveryContext _context;

    /// <summary>Created by Akka.Discovery for <c>akka.discovery.meshactors-dns</c>.</summary>
    /// <exception cref="global::Akka.Configuration.ConfigurationException">A setting of <c>meshactors.discovery.dns</c> is invalid; the message names it.</exception>
    public DnsServiceDiscovery(ExtendedActorSystem system)
        : base(system, MethodName)
    {
        // enabled = false: the lookup, not srv or host, names what to ask for, so neither is required.
        _options = PluginSettings.Bind(system, MethodName, Settings + "enabled = false", DnsDiscoveryOptions.Bind);
        _context = PluginSettings.Context(system);
    }

    /// <summary>Created by Akka.Discovery with the method's own section (not needed: settings come from <c>meshactors.discovery.dns</c>).</summary>
    public DnsServiceDiscovery(ExtendedActorSystem system, global::Akka.Configuration.Config methodConfig)
        : this(system)
    {
    }

    /// <summary>With options and context given directly, without an ActorSystem (tests).</summary>
    internal DnsServiceDiscovery(DnsDiscoveryOptions options, DiscoveryContext context)
        : base(null, MethodName)
    {
        _options = options;
        _context = context with { LocalAddress = new NodeAddress("", 0) };
    }

    private protected override string TimeoutHint =>
        $"check {Settings}server, or give the lookup more time than {Settings}timeout × {Settings}attempts ({_options.Timeout.TotalMilliseconds:0} ms × {_options.Attempts})";

    /// <summary>The DNS name a lookup asks for, and whether it is an SRV name.</summary>
    /// <exception cref="DiscoveryException">The name is not a valid domain name.</exception>
    internal static (string Name, bool Srv) QueryFor(Lookup lookup)
    {
        var srv = !string.IsNullOrEmpty(lookup.PortName) && !string.IsNullOrEmpty(lookup.Protocol);
        var name = (srv ? $"_{lookup.PortName}._{lookup.Protocol}.{lookup.ServiceName}" : lookup.ServiceName).Trim().TrimEnd('.');
        try
        {
            if (DnsName.ParseLabels(name).Count > 0)
            {
                return (name, srv);
            }
        }
        catch (ArgumentException)
        {
        }

        throw new DiscoveryException($"\"{name}\" (from {lookup}) is not a valid domain name; use labels of 1 to 63 characters separated by dots");
    }

    private protected override (string Key, Func<IDiscoveryProvider> Create) ProviderFor(Lookup lookup)
    {
        var (name, srv) = QueryFor(lookup);
        var options = srv
            ? _options with { Enabled = true, Srv = name, Host = "" }
            : _options with { Enabled = true, Srv = "", Host = name };
        return ((srv ? "SRV " : "A ") + name, () => new DnsDiscoveryProvider(options, _context));
    }
}
