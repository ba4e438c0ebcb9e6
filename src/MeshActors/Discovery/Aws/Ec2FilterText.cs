namespace MeshActors.Discovery.Aws;

/// <summary>
/// The <c>filters</c> text of Akka.Discovery.AwsApi's <c>aws-api-ec2-tag-based</c> method:
/// EC2 DescribeInstances filters written <c>name=value1,value2;name2=value</c> (e.g.
/// <c>tag:purpose=mesh;instance-type=m5.large,m5.xlarge</c>). Empty entries between <c>;</c> are
/// skipped, blank values are dropped, as Akka does. Pure.
/// </summary>
internal static class Ec2FilterText
{
    /// <summary>An example to show in fixes.</summary>
    public const string Example = "\"tag:purpose=mesh;instance-type=m5.large,m5.xlarge\"";

    /// <summary>Parses <paramref name="text"/> into (filter name, values) pairs, in order.</summary>
    /// <param name="text">The setting's text.</param>
    /// <param name="filters">The filters; empty when <paramref name="text"/> is empty.</param>
    /// <param name="problem">What is wrong with the first bad entry; null when the text parsed.</param>
    public static bool TryParse(string text, out IReadOnlyList<(string Name, IReadOnlyList<string> Values)> filters, out string? problem)
    {
        var parsed = new List<(string, IReadOnlyList<string>)>();
        filters = parsed;
        problem = null;
        foreach (var entry in text.Split(';'))
        {
            if (entry.Trim().Length == 0)
            {
                continue;
            }

            var pair = entry.Split('=');
            if (pair.Length != 2)
            {
                problem = $"\"{entry}\" is not name=value[,value…] (it has {(pair.Length == 1 ? "no" : "more than one")} '=')";
                return false;
            }

            var name = pair[0].Trim();
            var values = pair[1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (name.Length == 0 || values.Count == 0)
            {
                problem = $"\"{entry}\" has no filter {(name.Length == 0 ? "name" : "value")}";
                return false;
            }

            parsed.Add((name, values));
        }

        return true;
    }
}
