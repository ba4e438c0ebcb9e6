using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

/// <summary>Inputs on which Akka's HOCON parser (1.5) never returns, or overflows the stack when a
/// value is read: each must come back from a full load as a <see cref="ConfigFileException"/>
/// naming the file, quickly. Loaded on a thread with a deadline, so a regression fails the test
/// instead of hanging the suite.</summary>
public sealed class ParserHangTests
{
    public static TheoryData<string, string> Hanging => new()
    {
        { "meshactors {\n  node.id = a\n  discovery.static.seeds = [\"10.0.0.1:7946\",\n}\n", ":4:1: '}' does not close anything here (the '[' at line 3 is still open)" },
        { "meshactors.discovery.aws.tags = [ env = prod ]\n", ":1:39: '=' inside a list" },
        { "meshactors.discovery.aws.tags = [\"a\",\n  \"b\" : 1]\n", ":2:7: ':' inside a list" },
        { "meshactors.discovery.aws.tags = [?]\n", ":1:34: '?' is not allowed outside quotes" },
        { "meshactors.node.id = ${?HOSTNAME}\n", ":1:22: the optional substitution" },
        { "meshactors.node.id = ${}\n", ":1:22: the substitution ${} does not name a setting" },
        { "meshactors.cluster.id = ${meshactors.cluster.id}-blue\n", ":1:25: the substitution ${meshactors.cluster.id} refers to itself" },
        { "meshactors { node { id = ${meshactors.node} } }\n", ":1:26: the substitution ${meshactors.node} refers to itself" },
        { "a = ${b}\nb = ${a}\nmeshactors.node.id = ${a}\n", "refers to itself" },
        { "include \"other.conf\"\n", ":1:1: include is not supported" },
    };

    [Theory]
    [MemberData(nameof(Hanging))]
    public void A_text_that_hangs_akkas_parser_is_an_error_with_the_file_and_place(string text, string expected)
    {
        using var folder = new TempConfigFolder();
        var file = folder.Write("node.conf", text);

        var error = Deadline.Catch(() => MeshConfigLoader.Load(new ConfigSources { Files = [file] }), $"loading {text.ReplaceLineEndings("\\n")}");

        error.Should().BeOfType<ConfigFileException>().Which.Message.Should().StartWith(file).And.Contain(expected);
    }
}
