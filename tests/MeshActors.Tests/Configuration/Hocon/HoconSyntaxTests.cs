namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconSyntaxTests
{
    [Theory]
    [InlineData("", "{}")]
    [InlineData("   \n\n  ", "{}")]
    [InlineData("# only a comment", "{}")]
    [InlineData("// only a comment\n", "{}")]
    [InlineData("a = 1 # comment\nb = 2 // another", """{"a":1,"b":2}""")]
    [InlineData("a = 1 //// slashes\n## hashes\nb = 2", """{"a":1,"b":2}""")]
    [InlineData("a = \"# not a comment\"", """{"a":"# not a comment"}""")]
    [InlineData("a = \"// not a comment\"", """{"a":"// not a comment"}""")]
    [InlineData("a = x/y", """{"a":"x/y"}""")]
    public void Comments(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("{ a = 1 }", """{"a":1}""")]
    [InlineData("  { a = 1 }  \n", """{"a":1}""")]
    [InlineData("a = 1", """{"a":1}""")]
    [InlineData("{}", "{}")]
    [InlineData("a : 1", """{"a":1}""")]
    [InlineData("a=1", """{"a":1}""")]
    [InlineData("a:1", """{"a":1}""")]
    [InlineData("a { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("a{b=1}", """{"a":{"b":1}}""")]
    [InlineData("a\n{\nb = 1\n}", """{"a":{"b":1}}""")]
    [InlineData("a = { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("a\n: 1", """{"a":1}""")]
    [InlineData("a =\n\n 1", """{"a":1}""")]
    public void Braces_and_separators(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = 1, b = 2", """{"a":1,"b":2}""")]
    [InlineData("a = 1\nb = 2", """{"a":1,"b":2}""")]
    [InlineData("a = 1,\nb = 2,", """{"a":1,"b":2}""")]
    [InlineData("{ a = 1, }", """{"a":1}""")]
    [InlineData("a = 1\n, b = 2", """{"a":1,"b":2}""")]
    [InlineData("a = [1, 2, 3]", """{"a":[1,2,3]}""")]
    [InlineData("a = [1, 2, 3,]", """{"a":[1,2,3]}""")]
    [InlineData("a = [1\n2\n3]", """{"a":[1,2,3]}""")]
    [InlineData("a = [\n1,\n2\n]", """{"a":[1,2]}""")]
    [InlineData("a = []", """{"a":[]}""")]
    [InlineData("a = [ 1 2 3 4 ]", """{"a":["1 2 3 4"]}""")]
    [InlineData("a = [ [ 1, 2 ] [ 3, 4 ] ]", """{"a":[[1,2,3,4]]}""")]
    [InlineData("a = [ [ 1, 2 ]\n [ 3, 4 ] ]", """{"a":[[1,2],[3,4]]}""")]
    [InlineData("a = [ {b = 1}, {b = 2} ]", """{"a":[{"b":1},{"b":2}]}""")]
    public void Commas_newlines_and_arrays(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = foo", """{"a":"foo"}""")]
    [InlineData("a =   foo bar baz   ", """{"a":"foo bar baz"}""")]
    [InlineData("a = foo\tbar", """{"a":"foo\tbar"}""")]
    [InlineData("a = /usr/local/bin", """{"a":"/usr/local/bin"}""")]
    [InlineData("a = 10.0.0.1", """{"a":"10.0.0.1"}""")]
    [InlineData("a = foo-bar_baz.qux", """{"a":"foo-bar_baz.qux"}""")]
    [InlineData("a = \"foo\" bar 12", """{"a":"foo bar 12"}""")]
    [InlineData("a = foo\"bar\"", """{"a":"foobar"}""")]
    [InlineData("a = 1 2", """{"a":"1 2"}""")]
    [InlineData("a = 10.0bar", """{"a":"10.0bar"}""")]
    [InlineData("a = bar10.0", """{"a":"bar10.0"}""")]
    [InlineData("a = truefoo", """{"a":"truefoo"}""")]
    [InlineData("a = true foo", """{"a":"true foo"}""")]
    [InlineData("a = null bar 42 baz true 3.14 hi", """{"a":"null bar 42 baz true 3.14 hi"}""")]
    [InlineData("a = include", """{"a":"include"}""")]
    [InlineData("a = [include]", """{"a":["include"]}""")]
    [InlineData("a = (x)", """{"a":"(x)"}""")]
    [InlineData("a = \u00e9t\u00e9", "{\"a\":\"\u00e9t\u00e9\"}")]
    public void Unquoted_strings_and_string_concatenation(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = 42", "42")]
    [InlineData("a = -7", "-7")]
    [InlineData("a = 0", "0")]
    [InlineData("a = 1.5", "1.5")]
    [InlineData("a = 1e5", "1e5")]
    [InlineData("a = 1E-3", "1E-3")]
    [InlineData("a = -0.25e+2", "-0.25e+2")]
    [InlineData("a = 12345678901234567890", "12345678901234567890")]
    public void Numbers_keep_their_text(string text, string numberText)
    {
        var number = Hocon.Parse(text)["a"].Should().BeOfType<MeshActors.Configuration.Hocon.HoconNumber>().Which;
        number.Text.Should().Be(numberText);
        Hocon.Json(text).Should().Be($$"""{"a":{{numberText}}}""");
    }

    [Theory]
    [InlineData("a = true", """{"a":true}""")]
    [InlineData("a = false", """{"a":false}""")]
    [InlineData("a = null", """{"a":null}""")]
    [InlineData("a = \"true\"", """{"a":"true"}""")]
    public void Booleans_and_null(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = \"x\\\"y\"", "x\"y")]
    [InlineData("a = \"back\\\\slash\"", "back\\slash")]
    [InlineData("a = \"a\\/b\"", "a/b")]
    [InlineData("a = \"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
    [InlineData("a = \"\\u00e9\\u20AC\"", "\u00e9\u20ac")]
    [InlineData("a = \"\\ud83d\\ude00\"", "\ud83d\ude00")]
    [InlineData("a = \"\"", "")]
    [InlineData("a = \"  spaced  \"", "  spaced  ")]
    public void Quoted_strings_use_json_escapes(string text, string value) =>
        Hocon.Parse(text)["a"].ToString().Should().Be(value);

    [Theory]
    [InlineData("a = \"\"\"hello\"\"\"", "hello")]
    [InlineData("a = \"\"\"line one\nline two\"\"\"", "line one\nline two")]
    [InlineData("a = \"\"\"no \\n escapes\"\"\"", "no \\n escapes")]
    [InlineData("a = \"\"\"has \"quotes\" inside\"\"\"", "has \"quotes\" inside")]
    [InlineData("a = \"\"\"foo\"\"\"\"", "foo\"")]
    [InlineData("a = \"\"\"foo\"\"\"\"\"", "foo\"\"")]
    [InlineData("a = \"\"\"\"\"\"", "")]
    [InlineData("a = \"\"\"x\"\"\" y", "x y")]
    public void Triple_quoted_strings(string text, string value) =>
        Hocon.Parse(text)["a"].ToString().Should().Be(value);

    [Theory]
    [InlineData("a.b.c = 1", """{"a":{"b":{"c":1}}}""")]
    [InlineData("\"a.b\".c = 1", """{"a.b":{"c":1}}""")]
    [InlineData("a.\"b.c\" = 1", """{"a":{"b.c":1}}""")]
    [InlineData("a.\"\".b = 1", """{"a":{"":{"b":1}}}""")]
    [InlineData("\"\" = 1", """{"":1}""")]
    [InlineData("a b c = 1", """{"a b c":1}""")]
    [InlineData("true = 1", """{"true":1}""")]
    [InlineData("null = 1", """{"null":1}""")]
    [InlineData("3 = 42", """{"3":42}""")]
    [InlineData("3.14 = 42", """{"3":{"14":42}}""")]
    [InlineData("1.2.3 = 1", """{"1":{"2":{"3":1}}}""")]
    [InlineData("10.0foo = 1", """{"10":{"0foo":1}}""")]
    [InlineData("foo10.0 = 1", """{"foo10":{"0":1}}""")]
    [InlineData("foo\"10.0\" = 1", """{"foo10.0":1}""")]
    [InlineData("foo include = 1", """{"foo include":1}""")]
    [InlineData("\"include\" = 1", """{"include":1}""")]
    [InlineData("includes = 1", """{"includes":1}""")]
    [InlineData("a-b_c = 1", """{"a-b_c":1}""")]
    public void Keys_and_path_expressions(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a\u00a0=\u00a01", """{"a":1}""")]
    [InlineData("\ufeffa = 1", """{"a":1}""")]
    [InlineData("a = 1\r\nb = 2\r\n", """{"a":1,"b":2}""")]
    [InlineData("a\u2003=\u2003x\u2007y", """{"a":"x\u2007y"}""")]
    [InlineData("a = [1\u001f,\u001c2]", """{"a":[1,2]}""")]
    public void Unicode_whitespace(string text, string json) => Hocon.Json(text).Should().Be(json);
}
