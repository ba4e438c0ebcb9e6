namespace MeshActors.Cli.Demo;

/// <summary>Finds the node program (<c>MeshActors.Node.dll</c>) that the demo runs.</summary>
internal static class NodeDllLocator
{
    public const string FileName = "MeshActors.Node.dll";

    /// <summary>
    /// The places looked at, best first: next to meshctl (a published bundle), then, in a source
    /// tree where meshctl runs from <c>src/MeshActors.Cli/bin/CONFIG/TFM/</c>, the node's
    /// <c>src/MeshActors.Node/bin/CONFIG/TFM/</c> for the same configuration, then Release, then Debug.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string baseDirectory)
    {
        var candidates = new List<string> { Path.Combine(baseDirectory, FileName) };
        var tfm = new DirectoryInfo(Path.TrimEndingDirectorySeparator(baseDirectory));
        var configuration = tfm.Parent;
        var src = configuration?.Parent?.Parent?.Parent;
        if (configuration is not null && src is not null)
        {
            foreach (var name in new[] { configuration.Name, "Release", "Debug" }.Distinct(StringComparer.Ordinal))
            {
                candidates.Add(Path.Combine(src.FullName, "MeshActors.Node", "bin", name, tfm.Name, FileName));
            }
        }

        return candidates;
    }

    /// <summary>The first candidate that exists, or null.</summary>
    public static string? Find(string baseDirectory) => Candidates(baseDirectory).FirstOrDefault(File.Exists);
}
