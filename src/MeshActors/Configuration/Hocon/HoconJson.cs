using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MeshActors.Configuration.Hocon;

/// <summary>Writes resolved HOCON values as JSON.</summary>
public static class HoconJson
{
    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="writer"/>: numbers as JSON numbers with
    /// their original text, object keys in their original order, null as JSON null.
    /// </summary>
    /// <param name="value">The resolved value to write.</param>
    /// <param name="writer">The JSON writer.</param>
    public static void Write(HoconValue value, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(child, writer);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case HoconString text:
                writer.WriteStringValue(text.Value);
                break;
            case HoconNumber number:
                writer.WriteRawValue(number.Text);
                break;
            case HoconBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    internal static string ToJsonString(HoconValue value, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,

            // Readable output: non-ASCII text stays as is. The result is JSON, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(value, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
