using Microsoft.Extensions.Configuration;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Serves a resolved HOCON configuration as flat keys (<c>meshactors:node:id</c>, array elements as
/// <c>:0</c>, <c>:1</c>). Loading builds a fresh loader from the source's factory and resolves it;
/// if that fails the previous data stays and the <see cref="HoconException"/> propagates.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    /// <summary>Creates a provider for <paramref name="source"/>.</summary>
    /// <param name="source">The source with the loader factory.</param>
    public HoconConfigurationProvider(HoconConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The source this provider reads.</summary>
    public HoconConfigurationSource Source { get; }

    /// <summary>Builds a loader from the factory, resolves it and replaces the data.</summary>
    /// <exception cref="HoconException">The configuration is invalid; the previous data is kept.</exception>
    public override void Load()
    {
        var root = Source.LoaderFactory().Resolve(Source.ResolveOptions);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.Flatten())
        {
            data[key] = value;
        }

        Data = data;
    }

    /// <summary>Loads again and signals the change to configuration consumers.</summary>
    /// <exception cref="HoconException">The configuration is invalid; the previous data is kept and no change is signalled.</exception>
    public void Reload()
    {
        Load();
        OnReload();
    }
}
