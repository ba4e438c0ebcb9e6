using System.Text;

namespace MeshActors.Discovery.Aws;

/// <summary>The EC2 Query API form for one DescribeInstances page: running instances carrying every tag.</summary>
internal static class Ec2Query
{
    /// <summary>The API version whose response shape <see cref="Ec2ResponseParser"/> reads.</summary>
    public const string Version = "2016-11-15";

    /// <summary>The form parameters, in a stable order.</summary>
    public static List<KeyValuePair<string, string>> DescribeInstances(IEnumerable<(string Key, string Value)> tags, string? nextToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "DescribeInstances"),
            new("Version", Version),
            new("Filter.1.Name", "instance-state-name"),
            new("Filter.1.Value.1", "running"),
        };
        var n = 2;
        foreach (var (key, value) in tags)
        {
            form.Add(new($"Filter.{n}.Name", "tag:" + key));
            form.Add(new($"Filter.{n}.Value.1", value));
            n++;
        }

        if (!string.IsNullOrEmpty(nextToken))
        {
            form.Add(new("NextToken", nextToken));
        }

        return form;
    }

    /// <summary>The form as an <c>application/x-www-form-urlencoded</c> body (RFC 3986 escaping).</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> form) =>
        string.Join('&', form.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));

    /// <summary>The body bytes.</summary>
    public static byte[] Body(IEnumerable<KeyValuePair<string, string>> form) => Encoding.UTF8.GetBytes(Encode(form));
}
