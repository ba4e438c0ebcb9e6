using System.Globalization;

namespace MeshActors.Configuration.Hocon;

/// <summary>
/// Turns a resolved tree into the flat key/value pairs of Microsoft.Extensions.Configuration.
/// </summary>
internal static class HoconFlattener
{
    public static IEnumerable<KeyValuePair<string, string?>> Flatten(HoconObject root)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in root)
        {
            Add(key, value, result);
        }

        return result;
    }

    private static void Add(string key, HoconValue value, List<KeyValuePair<string, string?>> result)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (childKey, child) in obj)
                {
                    Add(key + ":" + childKey, child, result);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Add(key + ":" + i.ToString(CultureInfo.InvariantCulture), array[i], result);
                }

                break;
            case HoconNull:
                result.Add(new(key, null));
                break;
            default:
                result.Add(new(key, value.ConcatenationText));
                break;
        }
    }
}
