using Akka.Configuration;
using Akka.Hosting;

namespace MeshActors.Discovery.Akka;

/// <summary>Registers MeshActors' Akka.Discovery methods with Akka.Hosting.</summary>
public static class MeshActorsDiscoveryHostingExtensions
{
    /// <summary>
    /// Adds <see cref="MeshActorsDiscoveryConfig.Default"/> as a fallback, so that
    /// <c>meshactors-static</c>, <c>meshactors-dns</c>, <c>meshactors-mdns</c>, <c>meshactors-aws</c>,
    /// <c>meshactors-http</c> and <c>meshactors-peer-cache</c> can be selected by name; with
    /// <paramref name="defaultMethod"/>, also sets <c>akka.discovery.method</c> to it. Settings
    /// come from <c>meshactors.discovery.&lt;name&gt;</c> in the application's HOCON. Adds
    /// nothing else of MeshActors (no node, no remoting, no cluster).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="defaultMethod"/> is not one of <see cref="MeshActorsDiscoveryConfig.Methods"/>.</exception>
    public static AkkaConfigurationBuilder WithMeshActorsDiscovery(this AkkaConfigurationBuilder builder, string? defaultMethod = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (defaultMethod is not null)
        {
            if (!MeshActorsDiscoveryConfig.Methods.Contains(defaultMethod, StringComparer.Ordinal))
            {
                throw new ArgumentException($"\"{defaultMethod}\" is not a MeshActors discovery method; use one of {string.Join(", ", MeshActorsDiscoveryConfig.Methods)}", nameof(defaultMethod));
            }

            builder.AddHocon(ConfigurationFactory.ParseString($"akka.discovery.method = {defaultMethod}"), HoconAddMode.Prepend);
        }

        return builder.AddHocon(MeshActorsDiscoveryConfig.Default, HoconAddMode.Append);
    }
}
