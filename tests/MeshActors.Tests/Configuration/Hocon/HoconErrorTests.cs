using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconErrorTests
{
    [Theory]
    [InlineData("a = 1\nb = 2\n  port }", "t.conf:3:8: expected '=', ':' or '{' after key \"port\" but found '}'")]
    [InlineData("a = 1\n\nb", "t.conf:3:2: expected '=', ':' or '{' after key \"b\" but found the end of the input")]
    [InlineData("a = \"abc", "t.conf:1:5: unterminated quoted string: a quoted string must end with '\"' on the line it starts; use \"\"\" for text over several lines")]
    [InlineData("a = \"abc\nb = 1", "t.conf:1:5: unterminated quoted string: a quoted string must end with '\"' on the line it starts; use \"\"\" for text over several lines")]
    [InlineData("a = \"\"\"open", "t.conf:1:5: unterminated triple-quoted string: no closing \"\"\" was found")]
    [InlineData("a {\n b = 1", "t.conf:1:3: unterminated object: this '{' has no matching '}'")]
    [InlineData("a = [1,\n2", "t.conf:1:5: unterminated array: this '[' has no matching ']'")]
    [InlineData("a = ${b", "t.conf:1:5: unterminated substitution: this '${' has no matching '}'")]
    [InlineData("a = ${?b\n}", "t.conf:1:5: unterminated substitution: this '${?' has no matching '}'")]
    [InlineData("a = \"x\\q\"", "t.conf:1:7: invalid escape \\q in a quoted string; the valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")]
    [InlineData("a = \"x\\u12\"", "t.conf:1:7: invalid escape \\u followed by something other than 4 hex digits in a quoted string; the valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")]
    [InlineData("a = \"tab\there\"", "t.conf:1:9: control character U+0009 is not allowed in a quoted string; write it as an escape such as \\t or \\u0009")]
    [InlineData("x = 1\na = ${b.c}", "t.conf:2:5: could not resolve substitution ${b.c}")]
    [InlineData("a = 1 }", "t.conf:1:7: unbalanced '}': there is no '{' for it to close")]
    [InlineData("{ a = 1 } b = 2", "t.conf:1:11: unexpected \"b\" after the '}' that closes the root object")]
    [InlineData("a = [1,,2]", "t.conf:1:8: two ',' in a row in an array")]
    [InlineData("a = [,1]", "t.conf:1:6: unexpected ',': expected an array element")]
    [InlineData("a = 1,, b = 2", "t.conf:1:7: two ',' in a row: expected a key after ','")]
    [InlineData(", a = 1", "t.conf:1:1: unexpected ',': expected a key")]
    [InlineData("a = x@y", "t.conf:1:6: '@' is not allowed in unquoted text; put the text in double quotes")]
    [InlineData("a = $x", "t.conf:1:5: '$' is only allowed to start a substitution '${'; put text containing '$' in double quotes")]
    [InlineData("a = +x", "t.conf:1:5: '+' is only allowed as part of '+='; put text containing '+' in double quotes")]
    [InlineData("a = http://x", "t.conf:1:9: ':' is not allowed in an unquoted value; put the value in double quotes (for example \"http://host:80\")")]
    [InlineData("a = ", "t.conf:1:5: expected a value but found the end of the input")]
    [InlineData("a = }", "t.conf:1:5: expected a value but found '}'")]
    [InlineData("a = 1 b c\nd", "t.conf:2:2: expected '=', ':' or '{' after key \"d\" but found the end of the input")]
    [InlineData("a = 1 2 3 : 4", "t.conf:1:11: ':' is not allowed in an unquoted value; put the value in double quotes (for example \"http://host:80\")")]
    [InlineData("${a} = 1", "t.conf:1:1: substitutions are not allowed in keys")]
    [InlineData("a${b} = 1", "t.conf:1:2: substitutions are not allowed in keys")]
    [InlineData("[a] = 1", "t.conf:1:1: the root of a document must be an object, not an array")]
    [InlineData("a [1] = 1", "t.conf:1:3: expected '=', ':' or '{' after key \"a\" but found '['")]
    [InlineData("a..b = 1", "t.conf:1:1: the path a..b has an empty element; a path may not start or end with '.' or hold '..' (quote an empty key as \"\")")]
    [InlineData(".a = 1", "t.conf:1:1: the path .a has an empty element; a path may not start or end with '.' or hold '..' (quote an empty key as \"\")")]
    [InlineData("a. = 1", "t.conf:1:1: the path a. has an empty element; a path may not start or end with '.' or hold '..' (quote an empty key as \"\")")]
    [InlineData("a = ${}", "t.conf:1:5: empty substitution: write the path to refer to inside ${ }")]
    [InlineData("a = ${b:c}", "t.conf:1:8: unexpected ':' in a substitution; a substitution holds only a path, as in ${a.b}")]
    [InlineData("a = ${x..y}", "t.conf:1:7: the path x..y has an empty element; a path may not start or end with '.' or hold '..' (quote an empty key as \"\")")]
    [InlineData("[1, 2]", "t.conf:1:1: the root of a document must be an object, not an array")]
    [InlineData("a = [ {b += 1} ]", "t.conf:1:10: '+=' cannot be used in an object inside an array, because the field has no path to append to")]
    [InlineData("a = ${b}\nb = ${a}", "t.conf:2:5: substitution cycle: ${a} cannot be resolved because its value depends on itself (lookups in progress: ${b} -> ${a})")]
    [InlineData("a { b = ${a} }", "t.conf:1:9: substitution cycle: ${a} cannot be resolved because its value depends on itself (lookups in progress: ${a})")]
    public void Errors_name_the_position_and_the_problem(string text, string message) =>
        Hocon.Error(text).Message.Should().Be(message);

    [Fact]
    public void Exception_exposes_origin_line_column_and_problem()
    {
        var error = Hocon.Error("a = 1\nb = \"open", "app.conf");

        error.Origin.Should().Be("app.conf");
        error.Line.Should().Be(2);
        error.Column.Should().Be(5);
        error.Problem.Should().StartWith("unterminated quoted string");
        error.Message.Should().StartWith("app.conf:2:5: unterminated quoted string");
    }

    [Fact]
    public void Objects_nested_too_deeply_are_an_error_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Hocon.Error("a = " + deep).Problem.Should().Be("objects and arrays nest more than 200 levels deep");

        var deepObjects = string.Concat(Enumerable.Repeat("a {", 5_000));
        Hocon.Error(deepObjects).Problem.Should().Be("objects and arrays nest more than 200 levels deep");
    }

    [Fact]
    public void Nesting_up_to_the_limit_works()
    {
        var text = "a = " + new string('[', 199) + "1" + new string(']', 199);

        Hocon.Parse(text).ToJson().Should().Be("{\"a\":" + new string('[', 199) + "1" + new string(']', 199) + "}");
    }

    [Fact]
    public void Long_substitution_chains_are_an_error_not_a_crash()
    {
        var lines = Enumerable.Range(0, 5_000).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k5000 = end");
        var error = Hocon.Error(string.Join("\n", lines));

        error.Problem.Should().StartWith("substitutions and nested values go more than");
    }

    [Fact]
    public void Moderate_substitution_chains_resolve()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k50 = end");

        Hocon.Parse(string.Join("\n", lines))["k0"].ToString().Should().Be("end");
    }

    [Fact]
    public void Substitutions_building_very_deep_values_are_an_error()
    {
        var lines = Enumerable.Range(0, 150).Select(i => $"k{i} = [[[${{k{i + 1}}}]]]").Append("k150 = end");

        Hocon.Error(string.Join("\n", lines)).Problem.Should().MatchRegex("nest|deep");
    }
}
