using System.Text.Json;
using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>
/// The Lightbend config equivalence sets: every .conf/.json in an equivNN folder (other than
/// original.json, and other than files only reached through includes) resolves, without environment
/// fallback, to the same tree as original.json read by a plain JSON parser.
/// </summary>
public sealed class LightbendEquivalenceTests
{
    private static string Root => TestPaths.Fixture("hocon", "lightbend-equiv");

    public static TheoryData<string> Comparisons()
    {
        var data = new TheoryData<string>();
        foreach (var file in ComparisonFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void There_are_fifteen_comparisons()
    {
        ComparisonFiles().Should().HaveCount(15);
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void File_resolves_to_the_same_tree_as_original_json(string relativeFile)
    {
        var file = Path.Combine(Root, relativeFile);
        var original = Path.Combine(Path.GetDirectoryName(file)!, "original.json");
        using var expected = JsonDocument.Parse(File.ReadAllText(original));

        var actual = HoconParser.ParseFile(file, new HoconResolveOptions { UseEnvironmentFallback = false });

        HoconTreeAssert.FindDifference(actual, expected.RootElement, relativeFile).Should().BeNull();
    }

    private static List<string> ComparisonFiles() =>
        Directory.GetDirectories(Root, "equiv*")
            .SelectMany(folder => Directory.GetFiles(folder))
            .Where(file => Path.GetExtension(file) is ".conf" or ".json" && Path.GetFileName(file) != "original.json")
            .Select(file => Path.GetRelativePath(Root, file))
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToList();
}
