using MeshActors.Configuration;
using MeshActors.Hosting;

namespace MeshActors.Tests.Configuration;

/// <summary>
/// Random small mutations of reference.conf (a bracket, quote, separator or character deleted,
/// inserted or replaced, mostly outside comments) either load or fail with the two configuration
/// exceptions: never another exception, never a hang. Seeded, so a failure names its case and
/// repeats. The cases that once hung Akka's parser are in <see cref="ParserHangTests"/> and
/// <see cref="HoconSyntaxCheckTests"/>.
/// </summary>
public sealed class MalformedReferenceFuzzTests
{
    private const int Cases = 300;

    private static readonly string[] Insertions =
    [
        "{", "}", "[", "]", "\"", "\"\"\"", "$", "${", "${?", "=", ":", ",", "\n", "#", "//", "\\", "?", "!", "@", "*", "&", "^", "`", "+",
        ".", " ", "\t", "a", "9", "-", "include ", "${meshactors.cluster.id}", "= [", "null",
    ];

    [Fact]
    public void Mutated_reference_conf_loads_or_fails_with_a_configuration_error()
    {
        using var folder = new TempConfigFolder();
        var outcomes = new Dictionary<string, int>();
        for (var seed = 0; seed < Cases; seed++)
        {
            var (text, mutations) = Mutate(MeshConfigLoader.Reference, new Random(seed));
            var file = folder.Write($"case-{seed}.conf", text);
            var error = Deadline.Catch(() => LoadBothWays(file, text), $"case {seed} ({mutations})");

            error.Should().Match<Exception?>(e => e == null || e is ConfigFileException || e is ConfigValidationException, $"case {seed} ({mutations}) threw {error}");
            var outcome = error?.GetType().Name ?? "loaded";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        outcomes.Keys.Should().Contain(new[] { "loaded", nameof(ConfigFileException), nameof(ConfigValidationException) }, "the mutations reach all three outcomes");
    }

    /// <summary>As the only layer (the mutated text is the reference), and as a file over the real reference, printed as meshctl does.</summary>
    private static void LoadBothWays(string file, string text)
    {
        MeshActorsOptionsBinder.Bind(new LayeredConfig([new ConfigLayer(file, text, Path.GetDirectoryName(file))]));
        var loaded = MeshConfigLoader.Load(new ConfigSources { Files = [file] });
        ResolvedConfig.ToJson(loaded).Should().NotBeEmpty();
    }

    private static (string Text, string Mutations) Mutate(string text, Random random)
    {
        var mutations = new List<string>();
        for (var n = 1 + random.Next(4); n > 0; n--)
        {
            var at = random.Next(text.Length);
            for (var retry = 0; retry < 4 && IsInComment(text, at); retry++)
            {
                at = random.Next(text.Length);
            }

            var insert = Insertions[random.Next(Insertions.Length)];
            switch (random.Next(3))
            {
                case 0:
                    mutations.Add($"delete {Show(text[at].ToString())} at {at}");
                    text = text.Remove(at, 1);
                    break;
                case 1:
                    mutations.Add($"insert {Show(insert)} at {at}");
                    text = text.Insert(at, insert);
                    break;
                default:
                    mutations.Add($"replace {Show(text[at].ToString())} at {at} by {Show(insert)}");
                    text = text.Remove(at, 1).Insert(at, insert);
                    break;
            }
        }

        return (text, string.Join(", ", mutations));
    }

    private static bool IsInComment(string text, int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        return text.AsSpan(start, at - start).TrimStart().StartsWith("#");
    }

    private static string Show(string s) => "'" + s.Replace("\n", "\\n").Replace("\t", "\\t") + "'";
}
