namespace MeshActors.Tests;

/// <summary>Finds the repository root and the fixtures folder inside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    /// <summary>The folder that holds <c>MeshActors.sln</c>.</summary>
    public static string RepositoryRoot => RepositoryRootPath.Value;

    /// <summary>The fixtures written by other projects, <c>tests/fixtures</c> (see its README for their origin).</summary>
    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "fixtures");

    /// <summary>A path under the fixtures folder.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MeshActors.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} contains MeshActors.sln");
    }
}
