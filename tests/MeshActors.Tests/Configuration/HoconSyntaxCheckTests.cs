using MeshActors.Configuration;

namespace MeshActors.Tests.Configuration;

/// <summary>The mistakes Akka's HOCON parser accepts silently, loops on or crashes on, each reported
/// at its <c>file:line:column</c> before Akka sees the text.</summary>
public sealed class HoconSyntaxCheckTests
{
    private const string Origin = "/etc/meshactors/node.conf";

    public static TheoryData<string, int, int, string> Malformed => new()
    {
        { "a {\n  b = 1\n", 1, 3, "'{' is never closed" },
        { "a = [1, 2\n", 1, 5, "'[' is never closed" },
        { "a = 1\n}\n", 2, 1, "'}' does not close anything here (nothing is open)" },
        { "a = [1]]\n", 1, 8, "']' does not close anything here (nothing is open)" },
        { "a { b = [1, 2} }\n", 1, 14, "'}' does not close anything here (the '[' at line 1 is still open)" },
        { "a = [ { b = 1 ] }\n", 1, 15, "']' does not close anything here (the '{' at line 1 is still open)" },
        { "a {\n b = 1\n c = [1,2\n}\n", 4, 1, "'}' does not close anything here (the '[' at line 3 is still open)" },
        { "a = \"abc\nb = 1\n", 1, 5, "a quoted string is not closed on its line" },
        { "a = \"abc\\\nb\"\n", 1, 5, "a quoted string is not closed on its line" },
        { "a = \"\"\"abc\nb = 1\n", 1, 5, "a \"\"\" string is never closed" },
        { "a = ${b\n", 1, 5, "a substitution ${...} is not closed on its line" },
        { "a = ${?b}\n", 1, 5, "the optional substitution ${?b} is not supported" },
        { "a = ${}\n", 1, 5, "the substitution ${} does not name a setting" },
        { "a = ${ b }\n", 1, 5, "the substitution ${ b } does not name a setting" },
        { "a = ${b..c}\n", 1, 5, "the substitution ${b..c} does not name a setting" },
        { "a = $b\n", 1, 5, "'$' outside quotes must start a substitution" },
        { "= 3\n", 1, 1, "'=' has no key before it" },
        { "a {\n  : 3\n}\n", 2, 3, "':' has no key before it" },
        { "a { = 3 }\n", 1, 5, "'=' has no key before it" },
        { "a = 1, = 2\n", 1, 8, "'=' has no key before it" },
        { "a =\nb = 2\n", 1, 3, "'=' has no value after it on its line" },
        { "a = # nothing\n", 1, 3, "'=' has no value after it on its line" },
        { "url = http://example.com\n", 1, 11, "':' inside an unquoted value" },
        { "a = [ b = 1 ]\n", 1, 9, "'=' inside a list (the '[' at line 1)" },
        { "seeds = [10.0.0.1:7946]\n", 1, 18, "':' inside a list" },
        { "a = [\n  \"x\" : 1\n]\n", 2, 7, "':' inside a list (the '[' at line 1)" },
        { "tags = [?]\n", 1, 9, "'?' is not allowed outside quotes" },
        { "a = b&c\n", 1, 6, "'&' is not allowed outside quotes" },
        { "include \"other.conf\"\n", 1, 1, "include is not supported" },
        { "a { include \"other.conf\" }\n", 1, 5, "include is not supported" },
        { "a = \"x\"\nb = \"\"\"two\nlines\"\"\" }\n", 3, 10, "'}' does not close anything here" },
        { "a = \"x { [\" }\n", 1, 13, "'}' does not close anything here (nothing is open)" },
        { "# [ {\na = 1 // ] }\n  ]\n", 3, 3, "']' does not close anything here" },
    };

    public static TheoryData<string> WellFormed => new()
    {
        "# a { [ comment\na = 1 // also [ { a comment\n",
        "a = \"[{\\\"}] # // ${\"\n",
        "a = \"\"\"multi\n{[ line with \" and ${x\"\"\"\nb = 2\n",
        "a { b = [1, 2], c = { d = ${a.b} } }\n",
        "a = [\n  1,\n  2\n]\n",
        "a = [ { b = 1 }, { c = [ \"x:y\" ] } ]\n",
        "\"key.with.dots\" = 1\n\"quoted\" : \"value\"\n",
        "url = \"http://example.com\"\n",
        "a : 1\nb { c : 2 }\n",
        "include = 5\n",
        "a = 1\r\nb = 2\r\n",
        "a { b { c = 1 } d = 2 }\n",
        "a = ${b.c-d_e}\n",
        "",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_text_is_reported_at_its_line_and_column(string text, int line, int column, string problem)
    {
        var act = () => HoconSyntaxCheck.Check(text, Origin);

        act.Should().Throw<ConfigFileException>()
            .Where(e => e.Origin == Origin)
            .Which.Message.Should().StartWith($"{Origin}:{line}:{column}: ").And.Contain(problem);
    }

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Comments_quoted_brackets_and_ordinary_hocon_pass(string text)
    {
        var act = () => HoconSyntaxCheck.Check(text, Origin);

        act.Should().NotThrow();
    }

    [Fact]
    public void Reference_conf_passes()
    {
        var act = () => HoconSyntaxCheck.Check(MeshConfigLoader.Reference, "reference.conf");

        act.Should().NotThrow();
    }
}
