using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace MeshActors.Tests.Discovery.Kubernetes;

/// <summary>Every YAML document under <c>deploy/kubernetes/</c>, as plain maps and lists, with
/// dotted-path access (<c>spec.template.metadata.labels</c>).</summary>
internal sealed class ManifestDocuments
{
    private ManifestDocuments(List<Dictionary<object, object>> documents) => All = documents;

    public IReadOnlyList<Dictionary<object, object>> All { get; }

    public static ManifestDocuments Load()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "deploy", "kubernetes");
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order())
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize<object>(parser) is Dictionary<object, object> document)
                {
                    documents.Add(document);
                }
            }
        }

        return new ManifestDocuments(documents);
    }

    public Dictionary<object, object> Single(string kind) => All.Should().ContainSingle(d => (string)d["kind"] == kind, $"deploy/kubernetes has one {kind}").Subject;

    public static object? Get(object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var child) ? child : null;
        }

        return node;
    }

    public static string? Text(object? node, string path) => Get(node, path) as string;

    public static List<object> List(object? node, string path) => Get(node, path) as List<object> ?? [];

    public static Dictionary<string, string> Map(object? node, string path) =>
        (Get(node, path) as Dictionary<object, object> ?? []).ToDictionary(kv => (string)kv.Key, kv => (string)kv.Value);
}
