using System.Text.Json;
using Akka.Configuration;
using MeshActors.Configuration;

namespace MeshActors.Hosting;

/// <summary>
/// The configuration a node runs with, as JSON: the <c>meshactors</c> section (known settings
/// only: an unknown one is reported as ignored and is not shown) and the <c>akka</c> section
/// MeshActors writes, under any <c>akka.*</c> keys the layers set themselves (which win).
/// What <c>meshctl config resolve</c> prints.
/// </summary>
public static class ResolvedConfig
{
    /// <summary>The JSON text for <paramref name="config"/>.</summary>
    public static string ToJson(LoadedConfig config, bool indented = true)
    {
        var akka = config.Root.WithFallback(ConfigurationFactory.ParseString(AkkaSettings.Hocon(config.Options)));

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("meshactors");
            HoconJson.Write(writer, config.Root.GetValue("meshactors"), "meshactors", MeshConfigLoader.IsKnownSetting);
            writer.WritePropertyName("akka");
            HoconJson.Write(writer, akka.GetValue("akka"), "akka");
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
