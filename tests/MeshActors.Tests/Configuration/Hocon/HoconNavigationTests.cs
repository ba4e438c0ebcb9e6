using System.Text;
using System.Text.Json;
using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconNavigationTests
{
    private static readonly HoconObject Root = Hocon.Parse(
        "meshactors { node { id = n1, port = 7946, ratio = 0.5 } }\n\"a.b\" { c = 1 }\nlist = [x, { y = 2 }]\nnothing = null\nflag = true",
        "nav.conf");

    [Theory]
    [InlineData("meshactors.node.id", "\"n1\"")]
    [InlineData("meshactors.node", """{"id":"n1","port":7946,"ratio":0.5}""")]
    [InlineData("\"a.b\".c", "1")]
    [InlineData(" meshactors . node . port ", null)]
    [InlineData("nothing", "null")]
    [InlineData("list", """["x",{"y":2}]""")]
    public void TryGet_follows_dotted_paths(string path, string? json)
    {
        var found = Root.TryGet(path, out var value);

        found.Should().Be(json is not null);
        if (json is not null)
        {
            value!.ToJson().Should().Be(json);
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("meshactors.node.missing")]
    [InlineData("meshactors.node.id.deeper")]
    [InlineData("a.b.c")]
    [InlineData("list.0")]
    public void TryGet_returns_false_for_missing_paths(string path) =>
        Root.TryGet(path, out _).Should().BeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("${a}")]
    [InlineData("a#comment")]
    public void TryGet_rejects_invalid_paths(string path)
    {
        var tryGet = () => Root.TryGet(path, out _);

        tryGet.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("path");
    }

    [Fact]
    public void Keys_indexer_and_dictionary_members()
    {
        Root.Keys.Should().Equal("meshactors", "a.b", "list", "nothing", "flag");
        Root.Count.Should().Be(5);
        Root["a.b"].Should().BeOfType<HoconObject>();
        Root.ContainsKey("flag").Should().BeTrue();
        Root.TryGetValue("nope", out _).Should().BeFalse();
        ((IReadOnlyDictionary<string, HoconValue>)Root).Keys.Should().Equal(Root.Keys);
        Root.Select(pair => pair.Key).Should().Equal(Root.Keys);

        var missing = () => Root["nope"];
        missing.Should().Throw<KeyNotFoundException>().WithMessage("nav.conf:1:1: the object has no key \"nope\"");
    }

    [Fact]
    public void Values_know_their_origin()
    {
        Root.TryGet("meshactors.node.port", out var port).Should().BeTrue();
        port!.Origin.Should().Be(new HoconOrigin("nav.conf", 1, 37));
        port.Origin.ToString().Should().Be("nav.conf:1:37");
        Root["list"].Origin.Should().Be(new HoconOrigin("nav.conf", 3, 8));
    }

    [Theory]
    [InlineData("7946", true, 7946L, 7946.0)]
    [InlineData("-3", true, -3L, -3.0)]
    [InlineData("1e3", true, 1000L, 1000.0)]
    [InlineData("2.0", true, 2L, 2.0)]
    [InlineData("0.5", false, 0L, 0.5)]
    [InlineData("0.0e5", true, 0L, 0.0)]
    [InlineData("1e-400", false, 0L, 0.0)]
    [InlineData("92233720368547758070", false, 0L, 92233720368547758070.0)]
    public void Numbers_convert_on_demand(string text, bool isLong, long asLong, double asDouble)
    {
        var number = (HoconNumber)Hocon.Parse("n = " + text)["n"];

        number.Text.Should().Be(text);
        number.ToDouble().Should().Be(asDouble);
        number.IsInt64.Should().Be(isLong);
        number.TryGetInt64(out var value).Should().Be(isLong);
        if (isLong)
        {
            value.Should().Be(asLong);
            number.ToInt64().Should().Be(asLong);
        }
        else
        {
            var convert = () => number.ToInt64();
            convert.Should().Throw<InvalidOperationException>();
        }
    }

    [Fact]
    public void ToJson_keeps_order_number_text_and_escapes_strings()
    {
        var root = Hocon.Parse("z = 1e5\na = \"quote \\\" and \\n newline\"\nm = [true, null, 1.50]");

        root.ToJson().Should().Be("""{"z":1e5,"a":"quote \" and \n newline","m":[true,null,1.50]}""");
        root.ToJson(indented: true).Should().Contain("\n").And.Contain("\"z\": 1e5");
    }

    [Fact]
    public void HoconJson_writes_to_a_Utf8JsonWriter()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("config");
            HoconJson.Write(Root["meshactors"], writer);
            writer.WriteEndObject();
        }

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be("""{"config":{"node":{"id":"n1","port":7946,"ratio":0.5}}}""");
    }

    [Fact]
    public void Flatten_gives_configuration_keys()
    {
        var root = Hocon.Parse("meshactors.node { id = n1, port = 7946 }\nseeds = [a, b]\nn = null\nempty {}\nnone = []\nflag = false\nx = 1e5\nnested = [[1], {k = v}]");

        root.Flatten().Should().Equal(
            new KeyValuePair<string, string?>("meshactors:node:id", "n1"),
            new KeyValuePair<string, string?>("meshactors:node:port", "7946"),
            new KeyValuePair<string, string?>("seeds:0", "a"),
            new KeyValuePair<string, string?>("seeds:1", "b"),
            new KeyValuePair<string, string?>("n", null),
            new KeyValuePair<string, string?>("flag", "false"),
            new KeyValuePair<string, string?>("x", "1e5"),
            new KeyValuePair<string, string?>("nested:0:0", "1"),
            new KeyValuePair<string, string?>("nested:1:k", "v"));
    }

    [Fact]
    public void Tree_comparison_helper_tells_strings_from_numbers()
    {
        using var number = JsonDocument.Parse("""{"a":1}""");
        HoconTreeAssert.FindDifference(Hocon.Parse("a = \"1\""), number.RootElement, "$").Should().NotBeNull();
        HoconTreeAssert.FindDifference(Hocon.Parse("a = 1.0"), number.RootElement, "$").Should().BeNull();
        HoconTreeAssert.FindDifference(Hocon.Parse("a = true"), number.RootElement, "$").Should().NotBeNull();
        HoconTreeAssert.FindDifference(Hocon.Parse("a = 1, b = 2"), number.RootElement, "$").Should().NotBeNull();
    }
}
