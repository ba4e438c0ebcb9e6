namespace MeshActors.Tests.Configuration.Hocon;

public sealed class HoconMergeTests
{
    [Theory]
    [InlineData("foo { a = 42 }, foo { b = 43 }", """{"foo":{"a":42,"b":43}}""")]
    [InlineData("foo { a = 42 }, foo = null, foo { b = 43 }", """{"foo":{"b":43}}""")]
    [InlineData("foo { a = 42 }, foo = 7, foo { b = 43 }", """{"foo":{"b":43}}""")]
    [InlineData("a = 1, a = 2", """{"a":2}""")]
    [InlineData("a { x = 1 }, a = 2", """{"a":2}""")]
    [InlineData("a = 1, a { x = 1 }", """{"a":{"x":1}}""")]
    [InlineData("a = [1], a = [2]", """{"a":[2]}""")]
    [InlineData("a.x = 42, a.y = 43", """{"a":{"x":42,"y":43}}""")]
    [InlineData("a { b { c = 1 } }, a.b.d = 2, a { b { c = 3 } }", """{"a":{"b":{"c":3,"d":2}}}""")]
    [InlineData("b = 1, a = 2, b = 3", """{"b":3,"a":2}""")]
    [InlineData("a { x = 1, y = 2 }, a { y = 3, z = 4 }", """{"a":{"x":1,"y":3,"z":4}}""")]
    public void Duplicate_keys_merge_objects_and_replace_other_values(string text, string json) =>
        Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = { b : 1 } { c : 2 }", """{"a":{"b":1,"c":2}}""")]
    [InlineData("a = { b : 1 } { b : 2 }", """{"a":{"b":2}}""")]
    [InlineData("a = { b { x : 1 } } { b { y : 2 } }", """{"a":{"b":{"x":1,"y":2}}}""")]
    [InlineData("a { b : 1 } { c : 2 }", """{"a":{"b":1,"c":2}}""")]
    [InlineData("a = [ 1, 2 ] [ 3, 4 ]", """{"a":[1,2,3,4]}""")]
    [InlineData("a = [] [1] []", """{"a":[1]}""")]
    [InlineData("a = [ 1 ]\n[ 2 ]", null)]
    public void Arrays_and_objects_concatenate(string text, string? json)
    {
        if (json is null)
        {
            // A newline ends the field, so "[ 2 ]" would start a key: that is an error.
            Hocon.Error(text);
            return;
        }

        Hocon.Json(text).Should().Be(json);
    }

    [Theory]
    [InlineData("a = { \"1\" : b, \"0\" : a } [c]", """{"a":["a","b","c"]}""")]
    [InlineData("a = [z] { \"10\" : c, \"2\" : b, x : ignored }", """{"a":["z","b","c"]}""")]
    [InlineData("o { \"0\" : a }\nl = ${o} [b]\nk = ${o}", """{"o":{"0":"a"},"l":["a","b"],"k":{"0":"a"}}""")]
    [InlineData("a.0 = x\na += y", """{"a":["x","y"]}""")]
    [InlineData("a { \"0\" : x } { \"1\" : y }", """{"a":{"0":"x","1":"y"}}""")]
    public void Numerically_indexed_objects_become_arrays_where_an_array_is_concatenated(string text, string json) =>
        Hocon.Json(text).Should().Be(json);

    [Theory]
    [InlineData("a = [1] { b = 1 }", "cannot concatenate an array with an object")]
    [InlineData("a = { b = 1 } [1]", "cannot concatenate an object with an array")]
    [InlineData("a = [1] foo", "cannot concatenate an array with a string")]
    [InlineData("a = [1] \" \" [2]", "cannot concatenate an array with a string")]
    [InlineData("a = { b = 1 } 42", "cannot concatenate an object with a number")]
    [InlineData("x = [1], a = ${x} true", "cannot concatenate an array with a boolean")]
    [InlineData("x { y = 1 }, a = ${x} [1]", "cannot concatenate an object with an array")]
    public void Mixed_concatenations_are_errors(string text, string problem) =>
        Hocon.Error(text).Problem.Should().StartWith(problem);

    [Fact]
    public void Keys_keep_the_order_they_first_appeared_in()
    {
        var root = Hocon.Parse("z = 1\na = 2\nm { y = 1, b = 2 }\nz = 3\nm.a = 4");

        root.Keys.Should().Equal("z", "a", "m");
        ((MeshActors.Configuration.Hocon.HoconObject)root["m"]).Keys.Should().Equal("y", "b", "a");
    }
}
