using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconPropertiesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("a=1", """{"a":"1"}""")]
    [InlineData("a.b=c", """{"a":{"b":"c"}}""")]
    [InlineData("a.b=true\na.c=1.5", """{"a":{"b":"true","c":"1.5"}}""")]
    [InlineData("a = spaced value  ", """{"a":"spaced value  "}""")]
    [InlineData("a:colon", """{"a":"colon"}""")]
    [InlineData("a whitespace separated", """{"a":"whitespace separated"}""")]
    [InlineData("a\t=\tb", """{"a":"b"}""")]
    [InlineData("# comment\n! also a comment\n\n   \na=1", """{"a":"1"}""")]
    [InlineData("a=first\na=second", """{"a":"second"}""")]
    [InlineData("a=hello\na.b=world", """{"a":{"b":"world"}}""")]
    [InlineData("a.b=world\na=hello", """{"a":{"b":"world"}}""")]
    [InlineData("a=line one \\\n    line two", """{"a":"line one line two"}""")]
    [InlineData("a=ends with backslash \\\\", """{"a":"ends with backslash \\"}""")]
    [InlineData("key\\ with\\ spaces=v", """{"key with spaces":"v"}""")]
    [InlineData("k\\=eq=v", """{"k=eq":"v"}""")]
    [InlineData("a=tab\\there\\nnewline\\u00e9", "{\"a\":\"tab\\there\\nnewline\u00e9\"}")]
    [InlineData("a.=x", """{"a":{"":"x"}}""")]
    [InlineData(".=x", """{"":{"":"x"}}""")]
    [InlineData("a=", """{"a":""}""")]
    [InlineData("a=x\r\nb=y\rc=z", """{"a":"x","b":"y","c":"z"}""")]
    [InlineData("a=${not.a.substitution}", """{"a":"${not.a.substitution}"}""")]
    public void Properties_map_to_string_values_at_dotted_paths(string properties, string json)
    {
        var file = folder.Write("test.properties", properties);

        HoconParser.ParseFile(file).ToJson().Should().Be(json);
    }

    [Fact]
    public void A_malformed_unicode_escape_is_an_error()
    {
        var file = folder.Write("bad.properties", "ok=1\nbad=\\u12");
        var parse = () => HoconParser.ParseFile(file);

        parse.Should().Throw<HoconException>().WithMessage($"{file}:2:1: malformed \\uXXXX escape in a properties file");
    }

    [Fact]
    public void Properties_can_define_arrays_by_index_for_concatenation()
    {
        folder.Write("seeds.properties", "seeds.1=10.0.0.2\nseeds.0=10.0.0.1\nseeds.10=10.0.0.3");
        var main = folder.Write("main.conf", "include \"seeds\"\nall = ${seeds} [10.0.0.4]\nappended = []\nappended += ${seeds.0}");

        HoconParser.ParseFile(main).ToJson().Should().Be(
            """{"seeds":{"1":"10.0.0.2","0":"10.0.0.1","10":"10.0.0.3"},"all":["10.0.0.1","10.0.0.2","10.0.0.3","10.0.0.4"],"appended":["10.0.0.1"]}""");
    }
}
