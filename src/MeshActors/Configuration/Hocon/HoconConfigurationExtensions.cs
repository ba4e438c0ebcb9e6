using Microsoft.Extensions.Configuration;

namespace MeshActors.Configuration.Hocon;

/// <summary>Adds HOCON sources to a Microsoft.Extensions.Configuration builder.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>
    /// Adds a HOCON source built by <paramref name="loader"/>, for example
    /// <c>builder.AddHocon(() =&gt; new HoconLoader().AddFile("app.conf"))</c>.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="loader">Builds the loader with its layers; called on every (re)load.</param>
    /// <param name="resolveOptions">How to resolve substitutions; by default no environment fallback.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IConfigurationBuilder AddHocon(
        this IConfigurationBuilder builder,
        Func<HoconLoader> loader,
        HoconResolveOptions? resolveOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource(loader, resolveOptions));
    }
}
