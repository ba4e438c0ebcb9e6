using Microsoft.Extensions.Configuration;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// A Microsoft.Extensions.Configuration source backed by a <see cref="HoconLoader"/> factory. The
/// factory runs on every load, so a reload re-reads the files it adds.
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="loaderFactory">Builds the loader with its layers; called on every (re)load.</param>
    /// <param name="resolveOptions">How to resolve substitutions; by default no environment fallback.</param>
    public HoconConfigurationSource(Func<HoconLoader> loaderFactory, HoconResolveOptions? resolveOptions = null)
    {
        ArgumentNullException.ThrowIfNull(loaderFactory);
        LoaderFactory = loaderFactory;
        ResolveOptions = resolveOptions;
    }

    /// <summary>Builds the loader with its layers; called on every (re)load.</summary>
    public Func<HoconLoader> LoaderFactory { get; }

    /// <summary>How to resolve substitutions; null means the defaults.</summary>
    public HoconResolveOptions? ResolveOptions { get; }

    /// <summary>Creates the provider for this source.</summary>
    /// <param name="builder">The configuration builder (unused).</param>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
