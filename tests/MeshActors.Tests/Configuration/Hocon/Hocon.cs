using MeshActors.Configuration.Hocon;

namespace MeshActors.Tests.Configuration.Hocon;

/// <summary>Short helpers for table tests: parse text and look at the result as compact JSON.</summary>
internal static class Hocon
{
    public static HoconObject Parse(string text, string origin = "t.conf") => HoconParser.ParseText(text, origin);

    public static string Json(string text) => Parse(text).ToJson();

    public static HoconException Error(string text, string origin = "t.conf")
    {
        var parse = () => HoconParser.ParseText(text, origin);
        return parse.Should().Throw<HoconException>().Which;
    }
}
