using Akka.Configuration;

namespace MeshActors.Configuration;

/// <summary>
/// Configuration layers merged with Akka's HOCON parser. The layers are parsed as one text, in
/// order, so a later layer overrides an earlier one and may refer to it (<c>${meshactors.cluster.id}</c>).
/// Akka's <see cref="Config"/> keeps no positions, so where a setting was set is found by
/// parsing the growing prefix of layers and taking the last layer that changed its value.
/// </summary>
public sealed class LayeredConfig
{
    private readonly Config[] _prefixes;

    /// <summary>Checks and merges <paramref name="layers"/>.</summary>
    /// <exception cref="ConfigFileException">A layer is malformed or a substitution cannot be resolved.</exception>
    public LayeredConfig(IReadOnlyList<ConfigLayer> layers)
    {
        Layers = layers;
        foreach (var layer in layers)
        {
            HoconSyntaxCheck.Check(layer.Text, layer.Origin);
        }

        _prefixes = new Config[layers.Count];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < layers.Count; i++)
        {
            text.Append(layers[i].Text).Append('\n');
            _prefixes[i] = Parse(text.ToString(), layers[i].Origin);
        }

        Resolved = _prefixes.Length > 0 ? _prefixes[^1] : Config.Empty;
    }

    /// <summary>The layers, lowest first.</summary>
    public IReadOnlyList<ConfigLayer> Layers { get; }

    /// <summary>All layers merged and resolved.</summary>
    public Config Resolved { get; }

    /// <summary>The layer that set <paramref name="path"/> last (its value in <see cref="Resolved"/>), or null when no layer sets it.</summary>
    public ConfigLayer? LayerOf(string path)
    {
        string? Value(Config c) => c.HasPath(path) ? c.GetValue(path).ToString() : null;
        var final = Value(Resolved);
        if (final is null)
        {
            return null;
        }

        for (var i = _prefixes.Length - 1; i > 0; i--)
        {
            if (Value(_prefixes[i - 1]) != Value(_prefixes[i]))
            {
                return Layers[i];
            }
        }

        return Layers[0];
    }

    /// <summary>Where <paramref name="path"/> was set, for error messages.</summary>
    public string? OriginOf(string path) => LayerOf(path)?.Origin;

    private static Config Parse(string text, string lastOrigin)
    {
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception ex) when (ex is FormatException or ConfigurationException or InvalidOperationException or ArgumentException)
        {
            throw new ConfigFileException(lastOrigin, ex.Message.TrimEnd('.') + " (Akka's HOCON parser; a ${path} must name a setting of this or an earlier layer)", ex);
        }
    }
}
