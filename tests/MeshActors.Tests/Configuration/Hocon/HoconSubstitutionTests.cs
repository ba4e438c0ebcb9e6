namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconSubstitutionTests
{
    [Theory]
    [InlineData("a = 1, b = ${a}", """{"a":1,"b":1}""")]
    [InlineData("bar = ${foo}, foo = 42", """{"bar":42,"foo":42}""")]
    [InlineData("a = 1, b = ${a}, a = 2", """{"a":2,"b":2}""")]
    [InlineData("a { b { c = x } }, d = ${a.b}", """{"a":{"b":{"c":"x"}},"d":{"c":"x"}}""")]
    [InlineData("\"a.b\" { c = 1 }, d = ${\"a.b\".c}", """{"a.b":{"c":1},"d":1}""")]
    [InlineData("a = x, b = ${a}y", """{"a":"x","b":"xy"}""")]
    [InlineData("a = x, b = ${a} is ${a}", """{"a":"x","b":"x is x"}""")]
    [InlineData("a = x, b = ${a}\" is quoted\"", """{"a":"x","b":"x is quoted"}""")]
    [InlineData("n = 1e5, s = ${n} items", """{"n":1e5,"s":"1e5 items"}""")]
    [InlineData("n = 1.50, s = ${n}", """{"n":1.50,"s":1.50}""")]
    [InlineData("t = true, s = ${t}", """{"t":true,"s":true}""")]
    [InlineData("n = null, s = ${n}", """{"n":null,"s":null}""")]
    [InlineData("n = null, s = ${n}x", """{"n":null,"s":"nullx"}""")]
    [InlineData("a = [1, 2], b = ${a}", """{"a":[1,2],"b":[1,2]}""")]
    [InlineData("a = [ ${x}, ${y} ], x = 1, y = two", """{"a":[1,"two"],"x":1,"y":"two"}""")]
    [InlineData("a = [ ${x} ${y} ], x = 1, y = two", """{"a":["1 two"],"x":1,"y":"two"}""")]
    [InlineData("a = ${ b }, b = 1", """{"a":1,"b":1}""")]
    public void Substitutions_look_up_the_final_value(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("bar { foo = 42, baz = ${bar.foo} }", """{"bar":{"foo":42,"baz":42}}""")]
    [InlineData("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }", """{"bar":{"foo":43,"baz":43}}""")]
    [InlineData("bar { a = ${foo.d}, b = 1 }\nbar.b = 3\nfoo { c = ${bar.b}, d = 2 }\nfoo.d = 4", """{"bar":{"a":4,"b":3},"foo":{"c":3,"d":4}}""")]
    [InlineData("a { x = 10, y = ${a.x} }, b = ${a}", """{"a":{"x":10,"y":10},"b":{"x":10,"y":10}}""")]
    public void Objects_may_refer_to_their_own_fields(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("path = \"a:b:c\"\npath = ${path}\":d\"", """{"path":"a:b:c:d"}""")]
    [InlineData("path = [/bin]\npath = ${path} [/usr/bin]", """{"path":["/bin","/usr/bin"]}""")]
    [InlineData("a { x = 1 }\na = ${a} { b = 1 }", """{"a":{"x":1,"b":1}}""")]
    [InlineData("gen { size = 6 }\neast = ${gen} { name = east }", """{"gen":{"size":6},"east":{"size":6,"name":"east"}}""")]
    [InlineData("foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }", """{"foo":{"a":2,"c":1}}""")]
    [InlineData("foo { a = 1 }\nfoo = ${foo}", """{"foo":{"a":1}}""")]
    [InlineData("a = 1\na = ${a}0\na = ${a}0", """{"a":"100"}""")]
    [InlineData("x { a = [1] }\nx.a = ${x.a} [2]", """{"x":{"a":[1,2]}}""")]
    [InlineData("bar = ${foo}\nfoo = 1\nfoo = ${foo}2", """{"bar":"12","foo":"12"}""")]
    [InlineData("a = 1, b = ${a}, a = ${b}", """{"a":1,"b":1}""")]
    public void Self_references_see_the_value_they_override(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a += 1", """{"a":[1]}""")]
    [InlineData("a = [0]\na += 1\na += 2", """{"a":[0,1,2]}""")]
    [InlineData("x { a += 1, a += 2 }", """{"x":{"a":[1,2]}}""")]
    [InlineData("x.a += 1\nx.a += { b = 2 }", """{"x":{"a":[1,{"b":2}]}}""")]
    [InlineData("a += [1]", """{"a":[[1]]}""")]
    public void Plus_equals_appends(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error() =>
        Hocon.Error("a = 1\na += 2").Problem.Should().StartWith("cannot concatenate a number with an array");

    [Theory]
    [InlineData("a = ${?nope}", "{}")]
    [InlineData("a = 1\na = ${?nope}", """{"a":1}""")]
    [InlineData("a = [ ${?nope}, 1 ]", """{"a":[1]}""")]
    [InlineData("a = ${?nope}foo", """{"a":"foo"}""")]
    [InlineData("a = ${?a}foo", """{"a":"foo"}""")]
    [InlineData("a = ${?x}${?y}", "{}")]
    [InlineData("a = ${?x} ${?y}", "{}")]
    [InlineData("foo = ${?foo}", "{}")]
    [InlineData("a = ${?nope} [1]", """{"a":[1]}""")]
    [InlineData("a = ${?nope} { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("a = ${?b}, b = ${?a}", "{}")]
    [InlineData("x = 3, a = ${?x}", """{"x":3,"a":3}""")]
    public void Optional_substitutions_vanish_when_undefined(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("foo = ${does-not-exist}\nfoo = 42", """{"foo":42}""")]
    [InlineData("foo = ${foo}\nfoo = 42", """{"foo":42}""")]
    public void Hidden_substitutions_are_never_evaluated(string text, string json) => Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = ${b.c}", "could not resolve substitution ${b.c}")]
    [InlineData("foo = ${foo}", "could not resolve substitution ${foo}")]
    [InlineData("a = ${a} [3]", "could not resolve substitution ${a}")]
    [InlineData("a = 1, b = ${a.x}", "could not resolve substitution ${a.x}")]
    public void Missing_substitutions_are_errors(string text, string problem) => Hocon.Error(text).Problem.Should().Be(problem);

    [Theory]
    [InlineData("a = ${b}\nb = ${a}")]
    [InlineData("a = ${b}\nb = ${c}\nc = ${a}")]
    [InlineData("a { b = ${a} }")]
    [InlineData("a = [ ${a} ]")]
    [InlineData("a = 1\na = { b = ${a} }")]
    [InlineData("a = ${b}x\nb = ${a}y")]
    public void Cycles_are_errors_that_say_so(string text) =>
        Hocon.Error(text).Problem.Should().Contain("cycle").And.Contain("${");

    [Fact]
    public void Environment_fallback_is_off_by_default()
    {
        var options = new MeshActors.Configuration.Hocon.HoconResolveOptions { EnvironmentLookup = _ => "from env" };
        var parse = () => MeshActors.Configuration.Hocon.HoconParser.ParseText("home = ${HOME}", "t.conf", options);

        parse.Should().Throw<MeshActors.Configuration.Hocon.HoconException>().WithMessage("t.conf:1:8: could not resolve substitution ${HOME}");
    }

    [Theory]
    [InlineData("home = ${HOME}", """{"home":"/home/me"}""")]
    [InlineData("home = ${HOME}/logs", """{"home":"/home/me/logs"}""")]
    [InlineData("a { b = ${a.b.c} }", """{"a":{"b":"dotted"}}""")]
    [InlineData("HOME = null\nhome = ${HOME}", """{"HOME":null,"home":null}""")]
    [InlineData("HOME = mine\nhome = ${HOME}", """{"HOME":"mine","home":"mine"}""")]
    [InlineData("e = ${?EMPTY}", "{}")]
    [InlineData("e = ${?UNSET}", "{}")]
    public void Environment_fallback_when_enabled(string text, string json)
    {
        var env = new Dictionary<string, string> { ["HOME"] = "/home/me", ["a.b.c"] = "dotted", ["EMPTY"] = "" };
        var options = new MeshActors.Configuration.Hocon.HoconResolveOptions
        {
            UseEnvironmentFallback = true,
            EnvironmentLookup = name => env.GetValueOrDefault(name),
        };

        MeshActors.Configuration.Hocon.HoconParser.ParseText(text, "t.conf", options).ToJson().Should().Be(json);
    }

    [Fact]
    public void Environment_fallback_reads_real_variables_by_default()
    {
        var name = "MESHACTORS_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "real");
        try
        {
            var options = new MeshActors.Configuration.Hocon.HoconResolveOptions { UseEnvironmentFallback = true };
            MeshActors.Configuration.Hocon.HoconParser.ParseText($"v = ${{{name}}}", "t.conf", options)["v"].ToString().Should().Be("real");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Long_stacks_of_self_references_resolve_without_deep_recursion()
    {
        var appends = string.Concat(Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? $"list += {i}\n" : $"list = ${{list}} [{i}]\n"));
        var path = "path = x\n" + string.Concat(Enumerable.Range(0, 1_000).Select(_ => "path = ${path}x\n"));

        var list = (MeshActors.Configuration.Hocon.HoconArray)Hocon.Parse(appends)["list"];
        list.Select(item => item.ToString()).Should().Equal(Enumerable.Range(0, 2_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Hocon.Parse(path)["path"].ToString().Should().Be(new string('x', 1_001));
    }
}
