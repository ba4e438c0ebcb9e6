using MeshActors.Discovery.Http;
using MeshActors.Discovery;

namespace MeshActors.Tests.Discovery.Http;

public sealed class SeedListParserTests
{
    [Theory]
    [InlineData("""["10.0.0.1:7946","node-2.example.com:7947"]""")]
    [InlineData("""{"seeds":["10.0.0.1:7946","node-2.example.com:7947"],"generated":"now"}""")]
    public void Both_shapes_give_the_same_seeds(string json)
    {
        SeedListParser.Parse(json).Should().Equal(new NodeAddress("10.0.0.1", 7946), new NodeAddress("node-2.example.com", 7947));
    }

    [Theory]
    [InlineData("[]", 0)]
    [InlineData("""{"seeds":[]}""", 0)]
    [InlineData("""["[fd00::1]:7946"]""", 1)]
    public void Edge_lists_parse(string json, int count) => SeedListParser.Parse(json).Should().HaveCount(count);

    [Theory]
    [InlineData("""["10.0.0.1:7946","no-port"]""", "entry 1 (\"no-port\")")]
    [InlineData("""["10.0.0.1:7946",42]""", "entry 1 (42)")]
    [InlineData("""["10.0.0.1:99999"]""", "entry 0 (\"10.0.0.1:99999\")")]
    [InlineData("""[null]""", "entry 0 (null)")]
    [InlineData("""{"peers":[]}""", "neither a list")]
    [InlineData("""{"seeds":"10.0.0.1:7946"}""", "neither a list")]
    [InlineData("""  "10.0.0.1:7946" """, "neither a list")]
    [InlineData("""["10.0.0.1:7946" """, "not JSON")]
    [InlineData("", "not JSON")]
    public void Bad_answers_name_what_is_wrong(string json, string expected)
    {
        var act = () => SeedListParser.Parse(json);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain(expected);
    }
}
