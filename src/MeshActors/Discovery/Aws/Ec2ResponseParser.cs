using System.Xml;
using System.Xml.Linq;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// Reads EC2 Query API XML: a DescribeInstances page (running instances with a private IP
/// only; elements matched by local name, so any API version's namespace reads), or an error
/// response's first code and message. DTDs are refused and size is bounded.
/// </summary>
internal static class Ec2ResponseParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 32L * 1024 * 1024,
    };

    /// <summary>Parses a DescribeInstances response.</summary>
    /// <exception cref="FormatException">Not XML, or not a DescribeInstancesResponse.</exception>
    public static Ec2Page Parse(string xml)
    {
        var root = Load(xml);
        if (root.Name.LocalName != "DescribeInstancesResponse")
        {
            throw new FormatException($"expected a DescribeInstancesResponse, got <{root.Name.LocalName}>");
        }

        var instances = Children(root, "reservationSet", "item")
            .SelectMany(reservation => Children(reservation, "instancesSet", "item"))
            .Select(ToInstance)
            .OfType<Ec2Instance>()
            .ToList();
        var next = Child(root, "nextToken")?.Value;
        return new Ec2Page(instances, string.IsNullOrWhiteSpace(next) ? null : next);
    }

    /// <summary>The first error's code and message of an error response; null when the text is not one.</summary>
    public static (string Code, string Message)? Error(string xml)
    {
        try
        {
            var error = Load(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return error is null ? null : (Child(error, "Code")?.Value ?? "Unknown", Child(error, "Message")?.Value ?? string.Empty);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Ec2Instance? ToInstance(XElement item)
    {
        var state = Child(Child(item, "instanceState"), "name")?.Value;
        var ip = Child(item, "privateIpAddress")?.Value;
        if (state != "running" || string.IsNullOrWhiteSpace(ip) || !System.Net.IPAddress.TryParse(ip, out _))
        {
            return null;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Children(item, "tagSet", "item"))
        {
            if (Child(tag, "key")?.Value is { } key)
            {
                tags[key] = Child(tag, "value")?.Value ?? string.Empty;
            }
        }

        return new Ec2Instance(Child(item, "instanceId")?.Value ?? ip, ip.Trim(), tags);
    }

    private static XElement Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XDocument.Load(reader).Root ?? throw new FormatException("the answer is empty");
        }
        catch (XmlException ex)
        {
            throw new FormatException($"the answer is not XML ({ex.Message})", ex);
        }
    }

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement parent, string set, string item) =>
        Child(parent, set)?.Elements().Where(e => e.Name.LocalName == item) ?? [];
}
