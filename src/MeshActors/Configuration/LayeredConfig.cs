using Akka.Configuration;

namespace MeshActors.Configuration;

/// <summary>
/// Configuration layers merged with Akka's HOCON parser. The layers are parsed as one text, in
/// order, so a later layer overrides an earlier one and may refer to it (<c>${meshactors.cluster.id}</c>).
/// Akka's <see cref="Config"/> keeps no positions, so where a setting was set is found by
/// parsing each layer after the ones below it and a marker value: the last layer that replaces
/// the marker set it (even to the value it already had).
/// </summary>
public sealed class LayeredConfig
{
    private const string NotSetMarker = "meshactors-layer-marker: not set by this layer";

    private readonly Config[] _prefixes;
    private readonly string[] _prefixTexts;

    /// <summary>Checks and merges <paramref name="layers"/>.</summary>
    /// <param name="layers">The layers, lowest first.</param>
    /// <param name="workingDirectory">What a relative path set outside a file is relative to; null: the process's working directory.</param>
    /// <exception cref="ConfigFileException">A layer is malformed or a substitution cannot be resolved.</exception>
    public LayeredConfig(IReadOnlyList<ConfigLayer> layers, string? workingDirectory = null)
    {
        Layers = layers;
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        foreach (var layer in layers)
        {
            HoconSyntaxCheck.Check(layer.Text, layer.Origin);
        }

        _prefixes = new Config[layers.Count];
        _prefixTexts = new string[layers.Count];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < layers.Count; i++)
        {
            text.Append(layers[i].Text).Append('\n');
            _prefixTexts[i] = text.ToString();
            _prefixes[i] = Parse(text.ToString(), layers[i].Origin);
            if (SubstitutionCycles.Find(_prefixes[i]) is { } path)
            {
                throw SelfReference(layers[i], path);
            }
        }

        Resolved = _prefixes.Length > 0 ? _prefixes[^1] : Config.Empty;
    }

    /// <summary>The layers, lowest first.</summary>
    public IReadOnlyList<ConfigLayer> Layers { get; }

    /// <summary>The folder a relative path set outside a file (reference.conf, application HOCON,
    /// environment, <c>--set</c>) is resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>All layers merged and resolved.</summary>
    public Config Resolved { get; }

    /// <summary>The layer that set <paramref name="path"/> last (its value in <see cref="Resolved"/>), or null when no layer sets it.</summary>
    public ConfigLayer? LayerOf(string path)
    {
        if (!Resolved.HasPath(path))
        {
            // An item of a list (seeds.0) was set where the list was.
            var dot = path.LastIndexOf('.');
            return dot > 0 && int.TryParse(path.AsSpan(dot + 1), out _) ? LayerOf(path[..dot]) : null;
        }

        for (var i = _prefixes.Length - 1; i > 0; i--)
        {
            if (Sets(i, path))
            {
                return Layers[i];
            }
        }

        return Layers[0];
    }

    /// <summary>Where <paramref name="path"/> was set, for error messages.</summary>
    public string? OriginOf(string path) => LayerOf(path)?.Origin;

    /// <summary>Whether layer <paramref name="i"/> sets <paramref name="path"/>: parsed after the layers
    /// below it and a marker value for the path, does the marker survive?</summary>
    private bool Sets(int i, string path)
    {
        try
        {
            var marked = ConfigurationFactory.ParseString(_prefixTexts[i - 1] + path + " = " + System.Text.Json.JsonSerializer.Serialize(NotSetMarker) + "\n" + Layers[i].Text + "\n");
            return !(marked.HasPath(path) && marked.GetValue(path) is { } value && value.IsString() && value.GetString() == NotSetMarker);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The path cannot be written as a key (it passes through a list): compare the values instead.
            string? Value(Config c) => c.HasPath(path) ? c.GetValue(path).ToString() : null;
            return Value(_prefixes[i - 1]) != Value(_prefixes[i]);
        }
    }

    private static ConfigFileException SelfReference(ConfigLayer layer, string path)
    {
        const string problem = "refers to itself (directly, through other substitutions or through an enclosing object); Akka's HOCON parser resolves a ${path} to the path's final value, so it cannot mean the value of an earlier layer. Write the value out";
        var at = layer.Text.IndexOf("${" + path + "}", StringComparison.Ordinal);
        if (layer.Folder is null || at < 0)
        {
            return new ConfigFileException(layer.Origin, $"the substitution ${{{path}}} {problem}");
        }

        var line = 1 + layer.Text.AsSpan(0, at).Count('\n');
        var column = at + 1 - (at == 0 ? 0 : layer.Text.LastIndexOf('\n', at - 1) + 1);
        return new ConfigFileException(layer.Origin, line, column, $"the substitution ${{{path}}} {problem}");
    }

    private static Config Parse(string text, string lastOrigin)
    {
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Akka's parser signals malformed text with FormatException, ConfigurationException,
            // plain Exception and, on some inputs, NullReferenceException: all mean the same here.
            throw new ConfigFileException(lastOrigin, ex.Message.TrimEnd('.') + " (Akka's HOCON parser; a ${path} must name a setting of this or an earlier layer)", ex);
        }
    }
}
