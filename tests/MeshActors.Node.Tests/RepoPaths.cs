namespace MeshActors.Node.Tests;

/// <summary>Finds the repository and the built executables from the test's own output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: whichever this test assembly was built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string NodeDll => Built("MeshActors.Node", "MeshActors.Node.dll");

    public static string MeshctlDll => Built("MeshActors.Cli", "meshctl.dll");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build the solution first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeshActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MeshActors.sln not found above " + AppContext.BaseDirectory);
    }
}
