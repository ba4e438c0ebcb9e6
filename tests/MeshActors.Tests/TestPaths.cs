namespace MeshActors.Tests;

/// <summary>Finds the repository root and the shared fixtures folder beside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    /// <summary>The folder that holds <c>MeshActors.sln</c>.</summary>
    public static string RepositoryRoot => RepositoryRootPath.Value;

    /// <summary>The shared fixtures folder, <c>../shared/fixtures</c> relative to the repository root.</summary>
    public static string Fixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    /// <summary>A path under the shared fixtures folder.</summary>
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
