using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconLoaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Later_layers_override_earlier_ones_and_objects_merge()
    {
        var root = new HoconLoader()
            .AddText("node { id = a, port = 1 }\nlist = [1]", "defaults")
            .AddText("node.port = 2\nlist = [2]", "overrides")
            .Resolve();

        root.ToJson().Should().Be("""{"node":{"id":"a","port":2},"list":[2]}""");
    }

    [Fact]
    public void A_value_layer_can_set_an_array()
    {
        var root = new HoconLoader()
            .AddText("a { b = 1, c = 2 }", "base")
            .AddValue("a.b", "[1,2]", "--set a.b")
            .Resolve();

        root.ToJson().Should().Be("""{"a":{"b":[1,2],"c":2}}""");
    }

    [Theory]
    [InlineData("[\"10.0.0.1:7946\",\"10.0.0.2:7946\"]", """["10.0.0.1:7946","10.0.0.2:7946"]""")]
    [InlineData("5s", "\"5s\"")]
    [InlineData("250 ms", "\"250 ms\"")]
    [InlineData("42", "42")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("\"quoted: yes\"", "\"quoted: yes\"")]
    [InlineData("{ x = 1 }", """{"x":1}""")]
    [InlineData("  padded  ", "\"padded\"")]
    [InlineData("${base.value}", "\"from base\"")]
    [InlineData("${base.value}-x", "\"from base-x\"")]
    public void Value_text_is_parsed_as_a_hocon_value(string valueText, string json)
    {
        var root = new HoconLoader()
            .AddText("base.value = \"from base\"", "base")
            .AddValue("v", valueText, "--set v")
            .Resolve();

        root["v"].ToJson().Should().Be(json);
    }

    [Fact]
    public void A_self_reference_in_a_later_layer_sees_the_earlier_layers()
    {
        var root = new HoconLoader()
            .AddText("a = [1, 2]", "base")
            .AddValue("a", "${a} [3]", "--set a")
            .Resolve();

        root.ToJson().Should().Be("""{"a":[1,2,3]}""");
    }

    [Fact]
    public void Layers_behave_as_if_included_one_after_another()
    {
        var root = new HoconLoader()
            .AddText("path = /bin\nhost = ${name}.local", "one")
            .AddText("path = ${path}\":/usr/bin\"\nlist += 1", "two")
            .AddValue("list", "${list} [2]", "three")
            .AddText("name = node-1\nlist += 3", "four")
            .Resolve();

        root.ToJson().Should().Be("""{"path":"/bin:/usr/bin","host":"node-1.local","list":[1,2,3],"name":"node-1"}""");
    }

    [Fact]
    public void An_earlier_substitution_sees_the_final_value_from_a_later_layer()
    {
        var root = new HoconLoader()
            .AddValue("x", "${a}", "first")
            .AddText("a = 1", "second")
            .AddText("a = 2", "third")
            .Resolve();

        root.ToJson().Should().Be("""{"x":2,"a":2}""");
    }

    [Fact]
    public void Files_are_layers_too_and_their_includes_resolve_next_to_them()
    {
        folder.Write("conf/part.conf", "part = yes");
        var file = folder.Write("conf/app.conf", "include \"part.conf\"\nport = 1");
        var root = new HoconLoader().AddFile(file).AddValue("port", "2", "cli").Resolve();

        root.ToJson().Should().Be("""{"part":"yes","port":2}""");
    }

    [Fact]
    public void A_missing_file_is_an_error_unless_optional()
    {
        var missing = Path.Combine(folder.Path, "missing.conf");
        var add = () => new HoconLoader().AddFile(missing);

        add.Should().Throw<HoconException>().WithMessage($"{missing}:1:1: file not found: {missing}");
        new HoconLoader().AddFile(missing, optional: true).Resolve().Count.Should().Be(0);
    }

    [Fact]
    public void Resolve_can_run_again_with_the_same_result()
    {
        var loader = new HoconLoader().AddText("a = [1]\na += 2", "t").AddValue("a", "${a} [3]", "v");

        loader.Resolve().ToJson().Should().Be(loader.Resolve().ToJson()).And.Be("""{"a":[1,2,3]}""");
    }

    [Fact]
    public void Errors_in_values_and_paths_name_the_origin()
    {
        var badValue = () => new HoconLoader().AddValue("a", "[1,", "--set a");
        badValue.Should().Throw<HoconException>().WithMessage("--set a:1:1: unterminated array: this '[' has no matching ']'");

        var trailing = () => new HoconLoader().AddValue("a", "1 ]", "--set a");
        trailing.Should().Throw<HoconException>().WithMessage("--set a:1:3: unexpected ']' after the value");

        var badPath = () => new HoconLoader().AddValue("a..b", "1", "--set a..b");
        badPath.Should().Throw<HoconException>().Which.Message.Should().StartWith("--set a..b:1:1: the path a..b has an empty element");

        var missing = () => new HoconLoader().AddValue("a", "${nope}", "--set a").Resolve();
        missing.Should().Throw<HoconException>().WithMessage("--set a:1:1: could not resolve substitution ${nope}");
    }

    [Fact]
    public void An_empty_loader_resolves_to_an_empty_object() =>
        new HoconLoader().Resolve().ToJson().Should().Be("{}");
}
