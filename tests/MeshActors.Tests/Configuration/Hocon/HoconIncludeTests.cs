using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconIncludeTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("include \"other.conf\"")]
    [InlineData("include file(\"other.conf\")")]
    [InlineData("include file( \"other.conf\" )")]
    [InlineData("include required(\"other.conf\")")]
    [InlineData("include required(file(\"other.conf\"))")]
    [InlineData("include required( file( \"other.conf\" ) )")]
    [InlineData("include\n  \"other.conf\"")]
    [InlineData("include \"other\"")]
    public void Include_forms(string statement)
    {
        folder.Write("conf/other.conf", "x = 1");
        var main = folder.Write("conf/main.conf", statement + "\ny = 2");

        HoconParser.ParseFile(main).ToJson().Should().Be("""{"x":1,"y":2}""");
    }

    [Fact]
    public void Relative_includes_resolve_against_the_including_files_folder_not_the_current_one()
    {
        folder.Write("a/b/leaf.conf", "leaf = true");
        folder.Write("a/mid.conf", "include \"b/leaf.conf\"\nmid = true");
        var main = folder.Write("main.conf", "include \"a/mid.conf\"");

        HoconParser.ParseFile(main).ToJson().Should().Be("""{"leaf":true,"mid":true}""");
    }

    [Fact]
    public void Absolute_include_paths_stay_absolute()
    {
        var other = folder.Write("elsewhere/abs.conf", "abs = 1");
        var main = folder.Write("main.conf", $"include {Quote(other)}");

        HoconParser.ParseFile(main)["abs"].ToString().Should().Be("1");
    }

    [Fact]
    public void A_name_without_extension_merges_properties_then_json_then_conf()
    {
        folder.Write("c.properties", "shared=properties\nfromProperties=1");
        folder.Write("c.json", """{ "shared": "json", "fromJson": 2 }""");
        folder.Write("c.conf", "shared = conf\nfromConf = 3");
        var main = folder.Write("main.conf", "c { include \"c\" }");

        HoconParser.ParseFile(main).ToJson().Should().Be("""{"c":{"shared":"conf","fromProperties":"1","fromJson":2,"fromConf":3}}""");
    }

    [Fact]
    public void Missing_includes_are_ignored_unless_required()
    {
        var main = folder.Write("main.conf", "include \"nope.conf\"\ninclude file(\"nope\")\na = 1");
        HoconParser.ParseFile(main).ToJson().Should().Be("""{"a":1}""");

        var strict = folder.Write("strict.conf", "a = 1\ninclude required(file(\"nope.conf\"))");
        var parse = () => HoconParser.ParseFile(strict);
        parse.Should().Throw<HoconException>()
            .Which.Message.Should().Be($"{strict}:2:1: include not found: required file \"nope.conf\" does not exist (looked for {Path.Combine(folder.Path, "nope.conf")})");
    }

    [Fact]
    public void Included_substitutions_are_fixed_up_to_the_include_location()
    {
        folder.Write("foo.conf", "x = 10, y = ${x}");
        var main = folder.Write("main.conf", "a { include \"foo.conf\" }");
        HoconParser.ParseFile(main).ToJson().Should().Be("""{"a":{"x":10,"y":10}}""");

        var overridden = folder.Write("over.conf", "a { include \"foo.conf\" }\na { x = 42 }");
        HoconParser.ParseFile(overridden).ToJson().Should().Be("""{"a":{"x":42,"y":42}}""");
    }

    [Fact]
    public void Included_substitutions_fall_back_to_the_root()
    {
        folder.Write("foo.conf", "y = ${top}, list += 1");
        var main = folder.Write("main.conf", "top = 5\nlist = [0]\na { include \"foo.conf\" }");

        HoconParser.ParseFile(main).ToJson().Should().Be("""{"top":5,"list":[0],"a":{"y":5,"list":[1]}}""");
    }

    [Fact]
    public void Keys_after_an_include_override_it_and_keys_before_it_are_overridden()
    {
        folder.Write("inc.conf", "a = included, b = included, o { x = 1 }");
        var main = folder.Write("main.conf", "a = before\no { y = 2 }\ninclude \"inc.conf\"\nb = after");

        HoconParser.ParseFile(main).ToJson().Should().Be("""{"a":"included","o":{"y":2,"x":1},"b":"after"}""");
    }

    [Theory]
    [InlineData("include classpath(\"reference.conf\")", "include classpath(\"reference.conf\") is not supported")]
    [InlineData("include required(classpath(\"x.conf\"))", "include classpath(\"x.conf\") is not supported")]
    [InlineData("include url(\"http://example.com/a.conf\")", "include of the URL \"http://example.com/a.conf\" is not supported")]
    [InlineData("include \"https://example.com/a.conf\"", "include of the URL \"https://example.com/a.conf\" is not supported")]
    [InlineData("include foo", "'include' at the start of a key must be followed by a quoted file name")]
    [InlineData("include = 1", "'include' at the start of a key must be followed by a quoted file name")]
    [InlineData("include file(\"x.conf\"", "expected ) after the include name \"x.conf\"")]
    [InlineData("include sideways(\"x.conf\")", "'include' at the start of a key must be followed by a quoted file name")]
    public void Unsupported_or_malformed_includes_are_errors(string text, string problem) =>
        Hocon.Error(text).Problem.Should().StartWith(problem);

    [Fact]
    public void Include_cycles_are_errors()
    {
        folder.Write("a.conf", "include \"b.conf\"");
        folder.Write("b.conf", "include \"a.conf\"");
        var parse = () => HoconParser.ParseFile(Path.Combine(folder.Path, "a.conf"));

        parse.Should().Throw<HoconException>().Which.Problem.Should().StartWith("include cycle:");
    }

    [Fact]
    public void An_included_file_must_hold_an_object()
    {
        folder.Write("array.json", "[1, 2]");
        var main = folder.Write("main.conf", "include \"array.json\"");
        var parse = () => HoconParser.ParseFile(main);

        parse.Should().Throw<HoconException>().Which.Problem.Should().Be("the root of a document must be an object, not an array");
    }

    [Theory]
    [InlineData("{ \"a\": 1, }", "JSON does not allow a ',' before '}'")]
    [InlineData("{ a: 1 }", "JSON keys must be quoted strings but found \"a\"")]
    [InlineData("{ \"a\": x }", "JSON does not allow unquoted text \"x\"; put it in double quotes")]
    [InlineData("{ \"a\": 1 // c\n}", "comments are not allowed in JSON")]
    [InlineData("{ \"a\": ${b} }", "substitutions are not allowed in JSON")]
    [InlineData("{ \"a\" = 1 }", "expected ':' after key \"a\" but found '='")]
    [InlineData("{ \"a\": 1\n \"b\": 2 }", "expected ',' or '}' after the value of key \"a\" but found the quoted string \"b\"")]
    [InlineData("\"a\": 1", "a JSON document must start with '{' but starts with the quoted string \"a\"")]
    public void Json_files_are_parsed_strictly(string json, string problem)
    {
        var file = folder.Write("strict.json", json);
        var parse = () => HoconParser.ParseFile(file);

        parse.Should().Throw<HoconException>().Which.Problem.Should().Be(problem);
    }

    [Fact]
    public void Json_keys_with_dots_are_single_keys()
    {
        var file = folder.Write("dots.json", """{ "a.b": { "c": [1, 2.5, "x", true, null] } }""");

        HoconParser.ParseFile(file).ToJson().Should().Be("""{"a.b":{"c":[1,2.5,"x",true,null]}}""");
    }

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
}
